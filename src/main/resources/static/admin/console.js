// The console's behaviour, kept out of the pages: the Content-Security-Policy allows no inline script or style.

// Chart bars: their height is a data attribute, since inline style attributes are refused too.
document.querySelectorAll('.chart .bar span[data-height]').forEach(bar => {
    bar.style.height = bar.dataset.height + '%';
});

// Selects whose change reloads the page with the new choice (the tester's network).
document.querySelectorAll('select[data-submit-on-change]').forEach(select => {
    select.addEventListener('change', () => select.form.submit());
});
