// The wall of 弋阳 (the default demo) at every wall size: see wallScreens.ts.
import { wallScreensOf } from './wallScreens.js';

wallScreensOf('yiyang');
