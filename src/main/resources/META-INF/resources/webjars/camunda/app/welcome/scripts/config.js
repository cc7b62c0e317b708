// The welcome page (after logging in at /camunda) in Ukrainian, like Tasklist.
export default {
  app: {
    name: 'Контакт-центр',
    vendor: 'Дніпро'
  },
  locales: {
    availableLocales: ['uk'],
    fallbackLocale: 'uk'
  }
};
