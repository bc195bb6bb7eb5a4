// 会议模式 on a wall socket: right after connecting, the running session and (when frozen) its
// month-end figures; later changes reach the wall room through the notifier.
import type { Deps } from '../services/deps.js';
import { presentationOnConnect } from '../services/presentation.js';
import type { IoSocket } from './server.js';

export function registerPresentationHandlers(socket: IoSocket, deps: Deps): void {
  void (async () => {
    try {
      const { state, frozen } = await presentationOnConnect(deps);
      if (frozen) socket.emit('presentation:snapshot', frozen);
      socket.emit('presentation:state', state);
    } catch (err) {
      deps.log.error({ err }, 'presentation state for socket failed');
    }
  })();
}
