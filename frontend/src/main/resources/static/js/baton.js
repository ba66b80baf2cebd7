// Baton's small behaviours, attached by data attributes (the CSP allows no inline script).
document.addEventListener('submit', (event) => {
  const button = event.submitter;
  const message = button && button.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  const field = button.parentElement.querySelector('input');
  field.select();
  navigator.clipboard?.writeText(field.value).then(() => { button.textContent = 'Copied'; });
});
