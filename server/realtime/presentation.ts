// 会议模式 on a wall socket: right after connecting, the session's small state at once, then (when
// frozen) its month-end figures once computed — unless the session moved on meanwhile. Later changes
// reach the wall room through the notifier; every state carries the seq the wall orders them by.
import type { Deps } from '../services/deps.js';
import { frozenOnConnect, presentationOnConnect } from '../services/presentation.js';
import type { IoSocket } from './io.js';

export function registerPresentationHandlers(socket: Pick<IoSocket, 'emit' | 'connected'>, deps: Deps): void {
  void (async () => {
    try {
      const state = await presentationOnConnect(deps);
      socket.emit('presentation:state', state);
      if ('ended' in state || !state.frozen) return;
      const frozen = await frozenOnConnect(deps, state);
      if (frozen && socket.connected) socket.emit('presentation:snapshot', frozen);
    } catch (err) {
      deps.log.error({ err }, 'presentation state for socket failed');
    }
  })();
}
