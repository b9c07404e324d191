// The console's behaviour, kept out of the pages: the Content-Security-Policy allows no inline script or style.

// Selects whose change reloads the page with the new choice (the tester's network).
document.querySelectorAll('select[data-submit-on-change]').forEach(select => {
    select.addEventListener('change', () => select.form.submit());
});
