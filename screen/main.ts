import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './router.js';

const pinia = createPinia();
createApp(App).use(pinia).use(createAppRouter(pinia)).mount('#app');
