// Learning pages: the certificate's "Print" button (no inline scripts: strict CSP).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
