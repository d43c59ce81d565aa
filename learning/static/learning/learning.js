// Learning pages: the certificate's "Print" button (no inline scripts: strict CSP).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

// A lesson's uploaded video or audio resumes where the learner stopped: the
// position is read once and saved on pause and every ten seconds of playing
// (learning/media.py). Visitors who keep no progress get a 403 and nothing
// happens.
const csrfToken = () => {
  const field = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (field) return field.value;
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
  return cookie ? cookie.split("=")[1] : "";
};

for (const media of document.querySelectorAll("[data-media-position-url]")) {
  const url = media.dataset.mediaPositionUrl;
  let saved = 0;
  fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : null))
    .then((data) => {
      if (!data || !(data.position > 0)) return;
      saved = data.position;
      const seek = () => {
        media.currentTime = data.position;
        media.dataset.resumedAt = String(data.position);
      };
      if (media.readyState >= 1) seek();
      else media.addEventListener("loadedmetadata", seek, { once: true });
    })
    .catch(() => {});
  const save = () => {
    const position = Math.floor(media.currentTime);
    if (position === saved) return;
    saved = position;
    const body = new FormData();
    body.append("position", String(position));
    fetch(url, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() },
    }).catch(() => {});
  };
  media.addEventListener("pause", save);
  media.addEventListener("timeupdate", () => {
    if (Math.abs(media.currentTime - saved) >= 10) save();
  });
}
