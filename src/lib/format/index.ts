export { formatDate, formatDateLong, formatDateTime, formatMonth } from './date';
export { formatClp, formatClpCompact, formatNumber, formatPercent } from './number';
