// The GOV.UK header pattern: below 640 pixels the navigation folds behind a "Menu" button, so that a phone's first
// screen is the page, not the links. Without this script the navigation is shown in full.
(function () {
  var nav = document.querySelector('.app-header__nav');
  if (!nav) return;
  nav.id = 'app-navigation';
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'app-header__menu-button';
  button.textContent = 'Menu';
  button.setAttribute('aria-controls', 'app-navigation');
  button.setAttribute('aria-expanded', 'false');
  nav.parentNode.insertBefore(button, nav);
  var narrow = window.matchMedia('(max-width: 40.0525em)');
  function show() {
    var open = button.getAttribute('aria-expanded') === 'true';
    button.hidden = !narrow.matches;
    nav.hidden = narrow.matches && !open;
  }
  button.addEventListener('click', function () {
    button.setAttribute('aria-expanded', button.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
    show();
  });
  narrow.addEventListener('change', show);
  show();
})();
