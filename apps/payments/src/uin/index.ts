// What a counter's or mobile office's own system needs to make UINs offline, as the node does.
export { isValidUin, uinCheckDigit } from './check-digit';
export { issuerOf, makeUin, type UinLayout } from './uin-layout';
