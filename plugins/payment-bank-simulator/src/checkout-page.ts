import type { PaymentStart } from '@okno/plugin-sdk';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

const roubles = (minor: number) =>
  `${new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2 }).format(minor / 100)} ₽`;

/** The simulated bank's card page: what is paid, and a button to pay or to decline. */
export function checkoutPage(payment: PaymentStart): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Банк-симулятор: оплата</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; max-width: 32rem; margin: 2rem auto">
<h1>Банк-симулятор</h1>
<p>Не настоящий банк: только для разработки. <i>A bank simulator for development only.</i></p>
<dl>
<dt>Назначение платежа</dt><dd>${escape(payment.purpose)}</dd>
<dt>УИН</dt><dd>${escape(payment.uin)}</dd>
<dt>Сумма</dt><dd>${roubles(payment.amountMinor)}</dd>
</dl>
<form method="post"><input type="hidden" name="outcome" value="paid">
<button type="submit">Оплатить картой</button></form>
<form method="post"><input type="hidden" name="outcome" value="failed">
<button type="submit">Отклонить</button></form>
</body></html>`;
}
