export { formatDate, formatDateLong, formatDateTime } from './date';
export { formatClp, formatClpCompact, formatNumber, formatPercent } from './number';
