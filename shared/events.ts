// The Socket.IO contract, shared by server and every client.
// Every server push carries the snapshot version of the change it belongs to; the several events of
// one change share that version. A client holding version v that receives v+2 or more has missed
// something and asks for the snapshot again.
import type { ProblemSummary } from './problems.js';
import type { FrozenSnapshot, PresentationPush } from './presentation.js';
import type { Yuan } from './money.js';
import type { Alert, LagRule } from './types.js';
import type { DisplayConfig } from './wall.js';
import type { MapData, MapRequest } from './map.js';
import type { DrillError, ProjectCard, ProjectCardRequest, ProjectListResult, ProjectQuery } from './drill.js';
import type { AlertCounts, Snapshot, TickerEvent } from './snapshot.js';
import type { SummaryDelta } from './summaryDelta.js';

export interface InvestmentUpdate {
  version: number;
  projectId: number;
  project: string;
  unit: string;
  month: string;
  /** The month's accepted investment. */
  investment: Yuan;
  /** The project's completed total this year as the wall counts it: through 数据统计至 (口径说明). */
  completedToDate: Yuan;
  /** The figures after the report: totals whole, and only the rows of each list that moved. */
  summary: SummaryDelta;
  event: TickerEvent;
}

export interface ProjectMilestone {
  version: number;
  projectId: number;
  project: string;
  unit: string;
  /** startedOn for project:started, completedOn for project:completed. */
  date: string;
  event: TickerEvent;
}

/** A unit's report arrived and awaits staff review; the figures move only when it is accepted. */
export interface ReportSubmitted {
  version: number;
  projectId: number;
  project: string;
  unit: string;
  month: string;
  event: TickerEvent;
}

export interface AlertRaised {
  version: number;
  alert: Alert;
  event: TickerEvent;
  /** All open alerts counted after the change (the wall shows these, not its list's length). */
  counts?: AlertCounts;
}

/** An open alert changed without getting worse: eased, new figures, explained, written to, escalated. */
export interface AlertUpdated {
  version: number;
  alert: Alert;
  counts?: AlertCounts;
}

export interface AlertCleared {
  version: number;
  alertId: number;
  projectId: number;
  rule: LagRule;
  event: TickerEvent;
  counts?: AlertCounts;
}

/** A problem was raised or changed state (问题台账); the wall's problem panel follows. */
export interface ProblemUpdate {
  version: number;
  problemId: number;
  problems: ProblemSummary;
  event: TickerEvent;
}

/** The summary recomputed without a report behind it: a plan edited, the date moved on. */
export interface SummaryUpdate {
  version: number;
  summary: SummaryDelta;
}

export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  'summary:update': (update: SummaryUpdate) => void;
  'investment:update': (update: InvestmentUpdate) => void;
  'report:submitted': (r: ReportSubmitted) => void;
  'project:started': (m: ProjectMilestone) => void;
  'project:completed': (m: ProjectMilestone) => void;
  'alert:raised': (a: AlertRaised) => void;
  'alert:updated': (a: AlertUpdated) => void;
  'alert:cleared': (a: AlertCleared) => void;
  'problem:update': (p: ProblemUpdate) => void;
  /** Sent once after connecting: the display's name and playlist interval. */
  'display:config': (c: DisplayConfig) => void;
  /**
   * Meeting mode (会议模式): the session on every change and right after connecting; once it ended (or
   * when none runs) `{ ended: true, campaignId, seq }`, so a wall drops older states still on their way.
   */
  'presentation:state': (state: PresentationPush) => void;
  /** The month-end figures of a frozen meeting, when frozen and right after connecting meanwhile. */
  'presentation:snapshot': (frozen: FrozenSnapshot) => void;
}

export interface ClientToServerEvents {
  /** Ask for the full snapshot again (after a version gap or on wake); it arrives as `snapshot`. */
  'snapshot:request': () => void;
  /** Drill-down: the projects behind a figure (read-only; a unit's account sees its own projects only). */
  'projects:list': (query: ProjectQuery, ack: (r: ProjectListResult | DrillError) => void) => void;
  /** Drill-down: one project's card, by id or with the month end to stand at ({ projectId, asOf }). */
  'project:card': (request: number | ProjectCardRequest, ack: (r: ProjectCard | DrillError) => void) => void;
  /** The county map with every project's point (read-only; every wall client may ask). */
  'map:request': (request: MapRequest, ack: (r: MapData | { error: string }) => void) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

/** What the server knows of a connected socket after authentication. */
export interface SocketData {
  kind: 'user' | 'display';
  userId: number | null;
  role: 'admin' | 'unit' | 'leader' | 'display';
  unitId: number | null;
  /** The display token a kiosk connected with. */
  displayId: number | null;
  /** The display token's name and playlist interval (null and 30 for a person's browser). */
  displayName: string | null;
  rotateSeconds: number;
  /** The display follows meeting mode (per display token; a person's browser does). */
  followsMeetings: boolean;
  /** The hash of the session token a person's browser connected with (null for a display token). */
  sessionHash?: string | null;
}

/**
 * Room names. Every wall joins the room of the campaign year it shows (the active one), where that
 * year's pushes and meeting mode go, and moves when another year becomes active; a kiosk also joins
 * its token's room and a person their user's and session's rooms, so revoking a token or ending
 * sessions can cut them off. With Redis the rooms span the deployment's processes, never another
 * deployment's (DEPLOYMENT_KEY).
 */
export const ROOMS = {
  campaign: (id: number) => `campaign:${id}`,
  display: (id: number) => `display:${id}`,
  user: (id: number) => `user:${id}`,
  /** The sockets of one sign-in session (by the hash of its token), ended at logout. */
  session: (tokenHash: string) => `session:${tokenHash}`,
} as const;

export type SummaryEventName = keyof ServerToClientEvents;
