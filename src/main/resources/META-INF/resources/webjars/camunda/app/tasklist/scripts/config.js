// Tasklist as the city's executors use it: in Ukrainian, dates as Ukrainians write them.
// This file replaces the one shipped in Camunda's webjar (same path on the classpath, ours first).
export default {
  app: {
    name: 'Звернення',
    vendor: 'Контакт-центр Дніпра'
  },
  dateFormat: {
    normal: 'DD.MM.YYYY HH:mm',
    long: 'dddd, D MMMM YYYY, HH:mm'
  },
  locales: {
    availableLocales: ['uk'],
    fallbackLocale: 'uk'
  },
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'взяти вибране завдання в роботу'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'перейти до фільтрів'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'перейти до списку завдань'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'перейти до форми завдання'
    }
  }
};
