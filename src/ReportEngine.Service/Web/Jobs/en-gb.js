// Hangfire's dashboard dates in British English. Hangfire sets moment's locale from <html lang>, which it writes as the
// two-letter language ("en", so American dates), and its moment bundle has no en-gb; this script follows hangfire.js
// in Hangfire's own bundle and runs before the page starts, so the dates it writes are day-first with a 24-hour clock.
moment.defineLocale('en-gb', {
    parentLocale: 'en',
    longDateFormat: { LT: 'HH:mm', LTS: 'HH:mm:ss', L: 'DD/MM/YYYY', LL: 'D MMMM YYYY', LLL: 'D MMMM YYYY HH:mm', LLLL: 'dddd, D MMMM YYYY HH:mm' },
    week: { dow: 1, doy: 4 }
});
Hangfire.config.locale = 'en-gb';
