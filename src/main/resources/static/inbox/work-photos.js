// Adds photos of the finished work to a complaint, as the executor logged into Tasklist (its session
// cookie, and its XSRF token from the cookie the webapps set, sent back as a header).
(function () {
  const number = new URLSearchParams(window.location.search).get('complaint') || '';
  document.getElementById('complaint').textContent = number;
  const result = document.getElementById('result');

  function xsrfToken() {
    const cookie = document.cookie.split('; ').find((entry) => entry.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
  }

  document.getElementById('upload').addEventListener('submit', async (event) => {
    event.preventDefault();
    const files = document.getElementById('photos').files;
    const body = new FormData();
    for (const file of files) {
      body.append('photo', file);
    }
    result.className = '';
    result.textContent = 'Надсилаємо…';
    const response = await fetch('/inbox/complaints/' + encodeURIComponent(number) + '/work-photos', {
      method: 'POST', body, credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': xsrfToken() }
    });
    if (response.ok) {
      const taken = await response.json();
      result.className = 'done';
      result.textContent = 'Додано фото: ' + taken.length + '.';
      document.getElementById('upload').reset();
    } else {
      let detail = response.status + '';
      try {
        detail = (await response.json()).detail || detail;
      } catch (ignored) {
        // not a problem document
      }
      result.className = 'error';
      result.textContent = response.status === 401
        ? 'Спершу увійдіть у Tasklist у цьому браузері.' : 'Не вдалося: ' + detail;
    }
  });
}());
