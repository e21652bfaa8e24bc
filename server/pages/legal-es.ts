import { periodIn, type LegalText } from './legal-model';

const period = (days: number) => periodIn(days, { year: ['año', 'años'], month: ['mes', 'meses'], day: ['día', 'días'] });

export const LEGAL_ES: LegalText = {
  period,
  otherLanguage: 'English',
  seeAlso: { privacy: 'Declaración de privacidad', terms: 'Condiciones de uso' },
  privacy: ({ retention: r, threshold }) => ({
    title: 'Declaración de privacidad de Leaderful',
    intro:
      'Leaderful es una aplicación de Microsoft Teams que tu organización utiliza para ayudar a quienes dirigen equipos a probar nuevas formas de trabajar. Funciona en la propia suscripción de Microsoft Azure de tu organización, y lo que guarda se queda en la base de datos de tu organización. Tu organización decide cómo se usa Leaderful y es responsable de tus datos; las personas administradoras de Leaderful en tu organización actúan en su nombre.',
    sections: [
      {
        heading: 'Qué guarda Leaderful',
        list: [
          'Quién eres en Microsoft Teams y Microsoft Entra ID: tu identificador, nombre, departamento, cargo y responsable (del directorio de tu organización), los equipos y chats donde Leaderful está contigo y los roles de la aplicación que te asignó tu organización.',
          'Tus preferencias: zona horaria, días laborables, horas de silencio, idioma y cómo quieres recibir los avisos.',
          'Los pilotos de tu equipo, sus rondas de seguimiento y tus respuestas a los seguimientos.',
          'Los comentarios que das o recibes. Los comentarios con nombre llevan tu nombre. Los anónimos no guardan ningún identificador de usuario ni la hora exacta; un vínculo aparte contigo solo se usa para hacerte llegar las respuestas.',
          'Lo que escribes en círculos, historias de prácticas, proyectos, reconocimientos y tu plan de desarrollo (tu plan es privado: solo lo ven las personas con quienes lo compartes).',
          'Los mensajes que Leaderful va a enviarte o te ha enviado, y los identificadores de los mensajes de Teams que ya ha procesado.',
          'Un registro de auditoría de lo que cambian las personas administradoras y la dirección: ajustes, responsables nombrados, prácticas, decisiones sobre proyectos y plazos de conservación.',
        ],
      },
      {
        heading: 'Anonimato',
        paragraphs: [
          `Las cifras de un grupo (participación, confianza, comentarios anónimos) solo se muestran cuando al menos ${threshold.default} personas podrían haber contribuido. Las personas administradoras de tu organización pueden fijar este umbral entre ${threshold.min} y ${threshold.max}. Los grupos más pequeños se agrupan en uno mayor (un departamento o toda la organización) antes de que nadie los vea.`,
        ],
      },
      {
        heading: 'Cuánto tiempo se conserva',
        paragraphs: ['Estos son los plazos habituales. Las personas administradoras de tu organización pueden cambiar cada uno dentro de los límites indicados; pasado su plazo, el registro se elimina.'],
        list: [
          `Tus respuestas a los seguimientos: ${period(r.answers.days)} (límites: de ${period(r.answers.minDays)} a ${period(r.answers.maxDays)}). Las cifras de cada ronda (cuántas personas respondieron, confianza media) se conservan con su piloto.`,
          `Comentarios cerrados: ${period(r.feedback.days)} desde su cierre (límites: de ${period(r.feedback.minDays)} a ${period(r.feedback.maxDays)}), junto con cualquier vínculo con quien los escribió.`,
          `Mensajes que se te envían: ${period(r.outbox.days)} desde su entrega (límites: de ${period(r.outbox.minDays)} a ${period(r.outbox.maxDays)}).`,
          `Justificantes de comentarios enviados (para que una petición reintentada cuente una vez, sin tu nombre): ${period(r.requests.days)} (límites: de ${period(r.requests.minDays)} a ${period(r.requests.maxDays)}).`,
          `Identificadores de mensajes de Teams procesados: ${period(r.activities.days)} (límites: de ${period(r.activities.minDays)} a ${period(r.activities.maxDays)}).`,
          `El registro de auditoría: ${period(r.audit.days)} (límites: de ${period(r.audit.minDays)} a ${period(r.audit.maxDays)}).`,
          'Todo lo demás se conserva mientras tu organización use Leaderful; una persona administradora puede eliminarlo todo.',
        ],
      },
      {
        heading: 'Tus derechos',
        list: [
          'Descargar tus datos: todo lo que Leaderful guarda sobre ti, en JSON y CSV.',
          'Pedir a las personas administradoras de Leaderful de tu organización que exporten o eliminen tus datos. Eliminar borra lo que es tuyo y desvincula el resto: tus respuestas solo quedan dentro de las cifras de grupo y los comentarios con nombre que diste pierden tu nombre.',
          'Cambiar tus preferencias, pausar los seguimientos o dejar de usar la aplicación cuando quieras.',
        ],
      },
      {
        heading: 'Quién ve qué',
        paragraphs: [
          'Quien dirige tu equipo ve los pilotos del equipo y sus cifras de grupo; la dirección ve cifras de varios equipos, siempre por encima del umbral de anonimato. Tus respuestas a los seguimientos solo se muestran dentro de cifras de grupo o sin tu nombre (las que decides compartir de forma anónima llegan a la dirección como comentarios anónimos). Leaderful no vende datos, no muestra publicidad ni envía tus datos fuera de Microsoft 365 y de la suscripción de Azure de tu organización.',
        ],
      },
      {
        heading: 'Preguntas',
        paragraphs: ['Consulta a las personas administradoras de Leaderful de tu organización o a su contacto de protección de datos.'],
      },
    ],
  }),
  terms: ({ threshold }) => ({
    title: 'Condiciones de uso de Leaderful',
    intro: 'Tu organización te ofrece Leaderful dentro de Microsoft Teams. Al usarlo aceptas estas condiciones y las políticas de tu organización.',
    sections: [
      {
        heading: 'Uso de Leaderful',
        list: [
          'Úsalo para lo que es: probar prácticas con tu equipo, dar comentarios y actuar sobre ellos, aprender unos de otros.',
          'Escribe sobre el trabajo, con respeto. No publiques nada ilegal, acosador ni confidencial más allá de lo que tu organización permita.',
          'No intentes averiguar quién dio un comentario anónimo ni eludir el umbral de anonimato.',
        ],
      },
      {
        heading: 'El anonimato tiene límites',
        paragraphs: [
          `Leaderful solo muestra cifras de grupos de al menos ${threshold.default} personas (tu organización puede elegir entre ${threshold.min} y ${threshold.max}) y no guarda la autoría de los comentarios anónimos. Aun así, lo que escribes en un comentario anónimo puede delatarte si describe algo que solo tú sabrías.`,
        ],
      },
      {
        heading: 'Tu contenido',
        paragraphs: ['Lo que escribes sigue siendo tuyo y de tu organización. Se muestra a las personas que indica cada función y se conserva como describe la declaración de privacidad.'],
      },
      {
        heading: 'El servicio',
        paragraphs: ['Leaderful se ofrece tal cual. Tu organización puede cambiarlo, suspenderlo o retirarlo, y sus personas administradoras pueden gestionar sus ajustes y datos.'],
      },
    ],
  }),
};
