import { Router } from 'express';
import type { Deps } from '../services/deps.js';
import {
  agendaProposal, createMeeting, decide, markMeetingHeld, meetingFor, meetingsFor, minutesFile, patchMeeting, setMeetingAgenda,
  setMeetingAttendance,
} from '../services/meetings.js';
import { DOCX, sendFile } from './files.js';
import { idParam, requireUser, signedIn } from './session.js';

/** 调度会: meetings, their agenda and decisions, and the minutes (会议纪要). */
export function meetingsRouter(deps: Deps): Router {
  const router = Router();
  router.use(signedIn);
  const id = (raw: string | string[]) => idParam(raw, '会议编号');

  router.get('/', async (_req, res) => {
    res.json(await meetingsFor(deps, requireUser(res)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await createMeeting(deps, requireUser(res), req.body ?? {}));
  });
  router.get('/:id', async (req, res) => {
    res.json(await meetingFor(deps, requireUser(res), id(req.params.id)));
  });
  router.patch('/:id', async (req, res) => {
    res.json(await patchMeeting(deps, requireUser(res), id(req.params.id), req.body ?? {}));
  });
  router.get('/:id/proposal', async (req, res) => {
    res.json(await agendaProposal(deps, requireUser(res), id(req.params.id)));
  });
  router.put('/:id/agenda', async (req, res) => {
    res.json(await setMeetingAgenda(deps, requireUser(res), id(req.params.id), req.body ?? {}));
  });
  router.put('/:id/attendance', async (req, res) => {
    res.json(await setMeetingAttendance(deps, requireUser(res), id(req.params.id), req.body ?? {}));
  });
  router.post('/:id/decisions', async (req, res) => {
    res.json(await decide(deps, requireUser(res), id(req.params.id), req.body ?? {}));
  });
  router.post('/:id/held', async (req, res) => {
    res.json(await markMeetingHeld(deps, requireUser(res), id(req.params.id)));
  });
  router.get('/:id/minutes.docx', async (req, res) => {
    sendFile(res, await minutesFile(deps, requireUser(res), id(req.params.id)), DOCX);
  });
  return router;
}
