import type { Account } from './accounts';

export interface LoginPageModel {
  /** Where the form posts: the interaction's own URL. */
  action: string;
  clientName: string;
  realmName: string;
  username?: string;
  error?: string;
  people: readonly Account[];
}

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** What the provider shows when it cannot send the browser back to the client. */
export function errorPage(error: string, description: string | undefined): string {
  return `<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><title>Ошибка входа · Sign-in error</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">
<h1>Ошибка входа · Sign-in error</h1>
<p><code>${escape(error)}</code></p>
<p>${escape(description ?? '')}</p>
</body>
</html>
`;
}

/**
 * The embedded provider's sign-in page: plain HTML, no scripts, in Russian and English, with
 * the demo accounts listed, since it only ever runs on a development node.
 */
export function loginPage(model: LoginPageModel): string {
  const users = model.people
    .map((u) => `<li><code>${escape(u.username)}</code> — ${escape(u.roles.join(', '))}</li>`)
    .join('');
  const error = model.error ? `<p class="error" role="alert">${escape(model.error)}</p>` : '';
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Вход · Sign in — ${escape(model.realmName)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1rem;padding:.6rem 1.2rem}.error{color:#b00020}.note{color:#555;font-size:.9rem}
</style>
</head>
<body>
<h1>Вход · Sign in</h1>
<p>${escape(model.clientName)} · ${escape(model.realmName)}</p>
${error}
<form method="post" action="${escape(model.action)}">
<label for="username">Имя пользователя · Username</label>
<input id="username" name="username" autocomplete="username" required autofocus value="${escape(model.username ?? '')}">
<label for="password">Пароль · Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Войти · Sign in</button>
</form>
<p class="note">Узел разработки: пароль демо-пользователя совпадает с именем.<br>
Development node: a demo user's password is their username.</p>
<ul class="note">${users}</ul>
</body>
</html>
`;
}
