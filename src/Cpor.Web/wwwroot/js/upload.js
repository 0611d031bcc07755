// Uploads with progress: PoE files dropped or chosen in a drop zone (one request per file, the
// file list refreshed from the server), and directory import files with a progress bar and the
// report shown in place. Without script, both are ordinary forms.
(function () {
  'use strict';

  function messageOf(xhr, fallback) {
    var type = xhr.getResponseHeader('Content-Type') || '';
    if (type.indexOf('json') >= 0) {
      try {
        return JSON.parse(xhr.responseText).detail || fallback;
      } catch (e) {
        return fallback;
      }
    }
    return type.indexOf('text/plain') === 0 && xhr.responseText ? xhr.responseText : fallback;
  }

  function replaceFrom(html, id) {
    var holder = document.createElement('div');
    holder.innerHTML = html;
    var fresh = holder.querySelector('#' + id);
    var current = document.getElementById(id);
    if (fresh && current) {
      current.replaceWith(fresh);
    }
    return fresh;
  }

  document.querySelectorAll('.dropzone').forEach(function (zone) {
    var form = zone.querySelector('form');
    var input = zone.querySelector('input[type="file"]');
    var list = zone.querySelector('.upload-progress');
    var token = form.querySelector('input[name="__RequestVerificationToken"]');
    var maxBytes = Number(zone.dataset.maxBytes);

    function fail(item, message) {
      var error = document.createElement('span');
      error.className = 'failed';
      error.textContent = message;
      item.classList.add('upload-failed');
      item.appendChild(error);
    }

    // A file that made it: earlier refusals (in this list, or the page's own from a form post) no
    // longer describe the drop zone, so they go.
    function clearFailures() {
      list.querySelectorAll('li.upload-failed').forEach(function (failed) {
        failed.remove();
      });
      var stale = zone.querySelector('#poe-files-error');
      if (stale) {
        stale.remove();
        input.setAttribute('aria-describedby', 'poe-files-hint');
        document.querySelectorAll('.error-summary a[href="#poe-files"]').forEach(function (link) {
          link.closest('li').remove();
        });
      }
    }

    function upload(file) {
      return new Promise(function (resolve) {
        var item = document.createElement('li');
        var name = document.createElement('span');
        name.textContent = file.name;
        var bar = document.createElement('progress');
        bar.max = 100;
        bar.value = 0;
        bar.setAttribute('aria-label', file.name);
        item.appendChild(name);
        item.appendChild(bar);
        list.appendChild(item);
        if (maxBytes && file.size > maxBytes) {
          fail(item, zone.dataset.tooLarge);
          resolve();
          return;
        }
        var data = new FormData();
        data.append('file', file, file.name);
        if (token) {
          data.append('__RequestVerificationToken', token.value);
        }
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.action);
        xhr.setRequestHeader('X-Requested-With', 'fetch');
        xhr.upload.addEventListener('progress', function (event) {
          if (event.lengthComputable) {
            bar.value = Math.round((event.loaded * 100) / event.total);
          }
        });
        xhr.addEventListener('load', function () {
          if (xhr.status >= 200 && xhr.status < 300) {
            bar.value = 100;
            name.textContent = file.name + ' — ' + zone.dataset.done;
            name.className = 'done';
            clearFailures();
            var files = replaceFrom(xhr.responseText, 'attachments');
            if (files && files.dataset.version) {
              document.querySelectorAll('input[name="Version"]').forEach(function (version) {
                version.value = files.dataset.version;
              });
            }
          } else {
            fail(item, messageOf(xhr, zone.dataset.failed));
          }
          resolve();
        });
        xhr.addEventListener('error', function () {
          fail(item, zone.dataset.failed);
          resolve();
        });
        xhr.send(data);
      });
    }

    // One file after the other: each answer carries the claim's new version.
    function send(files) {
      Array.prototype.reduce.call(files, function (previous, file) {
        return previous.then(function () {
          return upload(file);
        });
      }, Promise.resolve());
    }

    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.add('dragging');
      });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.remove('dragging');
      });
    });
    zone.addEventListener('drop', function (event) {
      if (event.dataTransfer && event.dataTransfer.files.length) {
        send(event.dataTransfer.files);
      }
    });
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files);
      input.value = '';
      send(files);
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send(input.files);
    });
  });

  var importForm = document.querySelector('form.import-form');
  if (importForm) {
    importForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var row = importForm.querySelector('.progress-row');
      var bar = row.querySelector('progress');
      var text = row.querySelector('.progress-text');
      var button = importForm.querySelector('button[type="submit"]');
      row.hidden = false;
      bar.value = 0;
      button.disabled = true;
      var xhr = new XMLHttpRequest();
      xhr.open('POST', importForm.action);
      xhr.setRequestHeader('X-Requested-With', 'fetch');
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          var percent = Math.round((e.loaded * 100) / e.total);
          bar.value = percent;
          text.textContent = importForm.dataset.sending.replace('{0}', percent);
        }
      });
      xhr.upload.addEventListener('load', function () {
        bar.value = 100;
        text.textContent = importForm.dataset.processing;
      });
      xhr.addEventListener('load', function () {
        button.disabled = false;
        var type = xhr.getResponseHeader('Content-Type') || '';
        if (type.indexOf('text/html') === 0) {
          text.textContent = '';
          var report = replaceFrom(xhr.responseText, 'import-report');
          if (report) {
            report.focus();
          }
        } else {
          text.textContent = messageOf(xhr, importForm.dataset.failed);
        }
      });
      xhr.addEventListener('error', function () {
        button.disabled = false;
        text.textContent = importForm.dataset.failed;
      });
      xhr.send(new FormData(importForm));
    });
  }
})();
