// Counts down the turn of the member who has the floor. The server renders the seconds left when it
// drew the list (data-turn-remaining), so the count does not depend on this device's clock. Past
// zero the count goes on below zero, the element gets the class "over" and its label reads the
// over-limit text. The server ends no turn by itself.
(() => {
    const shownAt = new WeakMap();

    function format(seconds) {
        const sign = seconds < 0 ? "−" : "";
        const whole = Math.abs(seconds);
        const minutes = Math.floor(whole / 60);
        const rest = String(whole % 60).padStart(2, "0");
        return `${sign}${minutes}:${rest}`;
    }

    function tick() {
        const now = performance.now();
        document.querySelectorAll("[data-turn-remaining]").forEach((countdown) => {
            if (!shownAt.has(countdown)) {
                shownAt.set(countdown, now);
                countdown.hidden = false;
            }
            const elapsed = Math.floor((now - shownAt.get(countdown)) / 1000);
            const remaining = Number(countdown.dataset.turnRemaining) - elapsed;
            const output = countdown.querySelector("output");
            if (output) {
                output.textContent = format(remaining);
            }
            const over = remaining < 0;
            countdown.classList.toggle("over", over);
            const label = countdown.querySelector("span");
            if (over && label && countdown.dataset.overLimitLabel) {
                label.textContent = countdown.dataset.overLimitLabel;
            }
        });
    }

    tick();
    setInterval(tick, 1000);
    document.addEventListener("htmx:afterSettle", tick);
})();
