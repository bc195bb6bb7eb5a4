// The create/edit form of a 调度会, checked by the shared schema.
import { MEETING_KIND_LABELS, meetingInput, type Meeting, type MeetingInput, type MeetingKind } from '../../../../shared/problems.js';
import { fieldErrors } from '../../../../shared/schemas.js';
import { formatMonth } from '../../../ui/format.js';

export interface MeetingForm {
  kind: MeetingKind | '';
  title: string;
  domainId: number | null;
  heldOn: string;
  location: string;
  chair: string;
}

export const emptyMeetingForm = (today: string): MeetingForm => ({ kind: '', title: '', domainId: null, heldOn: today, location: '', chair: '' });

export const meetingFormOf = (m: Meeting): MeetingForm => ({
  kind: m.kind,
  title: m.title,
  domainId: m.domainId,
  heldOn: m.heldOn,
  location: m.location,
  chair: m.chair,
});

/** "2020年9月部门联席会", "2020年9月工业领域领导小组会": what the office would call it. */
export function suggestedTitle(kind: MeetingKind, heldOn: string, domain: string | null): string {
  const month = heldOn ? formatMonth(heldOn.slice(0, 7)) : '';
  return `${month}${kind === 'domain_group' && domain ? `${domain}领域` : ''}${MEETING_KIND_LABELS[kind]}`;
}

/** The body for POST /api/meetings, or the field messages. A domain only goes with a 领导小组会. */
export function meetingBody(f: MeetingForm): { body: MeetingInput } | { errors: Record<string, string> } {
  const parsed = meetingInput.safeParse({
    kind: f.kind || undefined,
    title: f.title,
    domainId: f.kind === 'domain_group' ? f.domainId : null,
    heldOn: f.heldOn ?? '',
    location: f.location,
    chair: f.chair,
  });
  return parsed.success ? { body: parsed.data } : { errors: fieldErrors(parsed.error) };
}

/** PATCH /api/meetings/:id changes what a planned meeting's kind and domain leave open. */
export function meetingPatch(body: MeetingInput) {
  const { title, heldOn, location, chair } = body;
  return { title, heldOn, location, chair };
}
