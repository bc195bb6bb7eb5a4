import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { useWallStore } from './stores/wall.js';

const pinia = createPinia();
createApp(App).use(pinia).mount('#app');
useWallStore(pinia).connect();
