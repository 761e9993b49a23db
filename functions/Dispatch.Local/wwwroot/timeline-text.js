// One step of an order's timeline in words, for the tracking page and the organizer desk: who acted by name
// (王书记, never an id) and the reason kept with the step ("刘xx 拒绝：今天不在家" for organizers).
import { t } from './i18n.js';

export function timelineText(e) {
  if (e.memberName && (e.what === 'accepted' || e.what === 'claimed')) return t(`what.${e.what}By`, { name: e.memberName });
  if (e.what === 'confirmedForResident') return t('what.confirmedForResident', { by: e.by || t('what.someOrganizer'), reason: e.reason || '—' });
  if (e.what === 'offered' && e.by) return t('what.offeredBy', { by: e.by });
  if (e.what === 'declined' && e.by) return e.reason ? t('what.declinedBy', { by: e.by, reason: e.reason }) : t('what.declinedByNoReason', { by: e.by });
  const key = `what.${e.what}`;
  const text = t(key, { name: e.memberName || '' }); // placedByOrganizer: the organizer's name
  return text === key ? e.what : text;
}
