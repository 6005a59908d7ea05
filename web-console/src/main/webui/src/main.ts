import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import './style.css'

// a page the browser restores from its back-forward cache (back after 退出) asks the server again, which signs in
window.addEventListener('pageshow', (e) => {
  if (e.persisted) window.location.reload()
})

createApp(App).use(router).mount('#app')
