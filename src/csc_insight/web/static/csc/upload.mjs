// Upload with a progress bar. Without JavaScript the form posts as usual.
const form = document.querySelector("form.js-upload");

if (form) {
  const box = document.getElementById("upload-progress");
  const bar = document.getElementById("upload-progress-bar");
  const label = document.getElementById("upload-progress-label");
  const status = document.getElementById("upload-progress-status");

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) {
        bar.value = Math.round((e.loaded / e.total) * 100);
        status.textContent = `Uploaded ${bar.value}%`;
      }
    });
    xhr.upload.addEventListener("load", () => {
      bar.removeAttribute("value");
      label.textContent = "Checking and loading";
      status.textContent = "Checking and loading the files. This can take a few minutes.";
    });
    xhr.addEventListener("load", () => {
      // The server answers a finished load with a redirect to its result page.
      if (xhr.responseURL && xhr.responseURL !== form.action) {
        window.location.assign(xhr.responseURL);
      } else {
        document.open();
        document.write(xhr.responseText);
        document.close();
      }
    });
    xhr.addEventListener("error", () => {
      status.textContent = "The upload failed. Check your connection and try again.";
      button.disabled = false;
    });
    button.disabled = true;
    box.hidden = false;
    status.textContent = "Uploading";
    xhr.send(new FormData(form));
  });
}
