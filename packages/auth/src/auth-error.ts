/** A token was presented but cannot be trusted; the message says why (it is safe to show). */
export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}
