// The webapps' logout from a workspace page: their CSRF token comes with any /api call made with the
// session (ADR 11); logging out of the webapps logs out of the workspace too.
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('logout');
  if (!button) {
    return;
  }
  button.addEventListener('click', async () => {
    const token = (await fetch(button.dataset.tokenSource, {credentials: 'same-origin'})).headers.get('X-XSRF-TOKEN');
    await fetch(button.dataset.logout, {method: 'POST', credentials: 'same-origin', headers: {'X-XSRF-TOKEN': token || ''}});
    window.location.href = button.dataset.after;
  });
});
