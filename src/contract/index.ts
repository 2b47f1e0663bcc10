// The HTTP contract shared by the widget (to validate every response) and the server (to validate
// every request). It imports nothing but zod/mini, so it stays browser-safe and never needs
// `unsafe-eval` (zod/mini has no `new Function` fast path).
export * from './primitives';
export * from './errors';
export * from './programme';
export * from './customer';
export * from './boot';
export * from './redemption';
export * from './survey';
export * from './surveyConfig';
export * from './surveyResults';
export * from './surveyLogic';
export * from './earning';
export * from './orders';
export * from './coupons';
export * from './merchant';
export * from './claims';
export * from './activity';
export * from './reports';
export * from './audit';
export * from './surveyAnswers';
export * from './referrals';
export * from './routes';
