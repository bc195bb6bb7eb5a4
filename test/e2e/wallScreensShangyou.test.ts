// The wall of 上犹 at every wall size: see wallScreens.ts.
import { wallScreensOf } from './wallScreens.js';

wallScreensOf('shangyou');
