// Keeps the prefilled title of the meeting form in step with the kind and the month of the date,
// until the secretary types a title of their own. The form works the same without this script.
(() => {
    const form = document.querySelector("form.meeting-form");
    if (!form) {
        return;
    }
    const title = form.querySelector("#title");
    const kind = form.querySelector("#kind");
    const date = form.querySelector("#date");

    const usualTitle = () => {
        const key = "title" + kind.value.charAt(0) + kind.value.slice(1).toLowerCase();
        const pattern = form.dataset[key];
        const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(date.value);
        return pattern && match ? pattern.replace("{0}", match[2] + "/" + match[1]) : null;
    };

    let lastUsual = usualTitle();
    const refresh = () => {
        const next = usualTitle();
        if (next && title.value === lastUsual) {
            title.value = next;
        }
        lastUsual = next;
    };
    kind.addEventListener("change", refresh);
    date.addEventListener("change", refresh);
})();
