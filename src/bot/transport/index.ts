export { alertSender } from './alert-sender';
export { classifyError, type Failure, type FailureKind } from './errors';
export { createTransport, logFailure, TRANSPORT_DEFAULTS, type SendExtra, type SendResult, type Transport, type TransportOptions } from './send';
