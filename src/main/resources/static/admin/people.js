// The sources, user, message and action pages' behaviour (no inline script under the CSP).

// Destructive forms ask first; the question is the form's data-confirm, in the page's language.
document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', event => {
        if (!window.confirm(form.dataset.confirm)) {
            event.preventDefault();
        }
    });
});

// Copy buttons copy the link beside them. The clipboard API needs HTTPS or localhost; elsewhere the
// selected text is copied the old way.
document.querySelectorAll('button.copy').forEach(button => {
    button.addEventListener('click', async () => {
        const input = button.closest('tr').querySelector('input.link');
        input.select();
        try {
            await navigator.clipboard.writeText(input.value);
        } catch (e) {
            document.execCommand('copy');
        }
        const label = button.textContent;
        button.textContent = button.dataset.copied;
        setTimeout(() => { button.textContent = label; }, 1500);
    });
});

// The link for a new source follows what is typed.
const newSource = document.getElementById('new-source');
if (newSource) {
    const link = newSource.closest('tr').querySelector('input.link');
    newSource.addEventListener('input', () => {
        link.value = link.dataset.linkBase + encodeURIComponent(newSource.value.trim());
    });
}
