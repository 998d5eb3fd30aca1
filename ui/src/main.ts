import { mount } from 'svelte';
import { getCurrentWindow } from '@tauri-apps/api/window';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');

export default mount(App, {
  target,
  props: {
    // The latest changes are saved before the window closes (see closeGuard.ts).
    onCloseRequested: (handler) => void getCurrentWindow().onCloseRequested(handler),
  },
});
