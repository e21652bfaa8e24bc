import type { LessonText } from './model';

/** The built-in lessons in Spanish, by slug (library.ts). */
export const LESSONS_ES: Record<string, LessonText> = {
  'facilitating-well': {
    title: 'Facilitar una reunión que no diriges',
    body: 'Quien facilita cuida el **proceso**, no el resultado. Empieza recordando el objetivo y el tiempo, y mantén el orden del día en marcha. Invita a las voces calladas por su nombre, con suavidad. Cierra leyendo las decisiones y sus responsables, para que todos salgan con la misma lista.',
  },
  'handing-over-decisions': {
    title: 'Delegar una decisión de verdad',
    body: 'Delegar una decisión significa aceptar una respuesta que tú no habrías elegido. Acordad primero los **límites**: presupuesto, riesgo, a quién avisar. Después no intervengas; recuperarla una sola vez enseña al equipo que la delegación nunca fue real. Revisad juntos el resultado, no la elección.',
  },
  'retro-that-changes-things': {
    title: 'Una retrospectiva que cambia algo',
    body: 'Una retrospectiva solo vale la pena si después cambia una cosa. Haced tres preguntas: qué ayudó, qué estorbó, qué vamos a probar. Elegid **una** acción con una persona responsable. Empezad la siguiente preguntando si se hizo.',
  },
  'coaching-questions': {
    title: 'Acompañar con preguntas, no con respuestas',
    body: 'El coaching entre pares funciona cuando quien acompaña se guarda los consejos. Las buenas preguntas son cortas y abiertas:\n\n- ¿Qué has probado hasta ahora?\n- ¿Qué harías si no pudieras fallar?\n- ¿Cuál es el paso más pequeño siguiente?\n\nDeja que el silencio haga parte del trabajo.',
  },
  'closing-the-loop': {
    title: 'Cerrar el círculo de la opinión',
    body: 'La gente deja de opinar cuando no ve que pase nada. Para cada tema que escuchaste, di qué hiciste, qué harás o por qué no lo harás. Un **no, porque** claro genera más confianza que el silencio. Mantén la lista corta y repítela a menudo.',
  },
  'stretch-safely': {
    title: 'Un reto que no rompe',
    body: 'Un buen encargo de desarrollo está justo por encima de lo que la persona sabe hacer hoy. Acordad cómo se ve el éxito y cuándo pedir ayuda. La mentora se reúne poco tiempo y a menudo, y pregunta antes de aconsejar. Celebrad lo aprendido aunque el resultado sea desigual.',
  },
  'log-the-why': {
    title: 'Escribe el porqué',
    body: 'Un registro de decisiones evita que el equipo decida dos veces lo mismo. En cada entrada escribe la decisión, la fecha, quién decidió y, sobre todo, **por qué**. Anota qué os haría revisarla. Dos líneas bastan; un registro que nadie mantiene es peor que ninguno.',
  },
  'listening-sessions': {
    title: 'Escuchar dos niveles más abajo',
    body: 'Las sesiones de escucha son para escuchar, no para anunciar. Di qué harás con lo que oigas y qué se queda en la sala. Pregunta por los obstáculos, no por su responsable. Haz seguimiento de al menos una cosa en dos semanas.',
  },
  'their-meeting': {
    title: 'Es su reunión individual',
    body: 'Cuando la persona del equipo decide el orden del día, la reunión individual trata de lo que ella necesita. Pídele que traiga los temas y guarda tus preguntas de estado para otro canal. Termina con una pregunta: **¿qué puedo hacer para ayudarte?**',
  },
  'protecting-focus': {
    title: 'Proteger la concentración en equipo',
    body: 'El tiempo de concentración solo funciona si todos lo protegen, empezando por quien dirige. Acordad qué cuenta como excepción y cómo localizar a alguien con urgencia. Comprobad tras unas semanas si esas horas fueron de verdad tranquilas. Ajustad el bloque en lugar de abandonarlo.',
  },
  'specific-recognition': {
    title: 'Un reconocimiento que llega',
    body: 'El reconocimiento llega cuando es **concreto**: qué hizo la persona y qué diferencia marcó. Deja espacio para que los compañeros se reconozcan entre sí, no solo quien dirige. Que sea breve y sincero; una ronda forzada es peor que ninguna.',
  },
  'small-bets': {
    title: 'Apuestas pequeñas, límites claros',
    body: 'Un presupuesto para experimentos dice: probad cosas, algunas fallarán. Que cada apuesta sea pequeña y con plazo, con una pregunta que deba responder. Compartid lo aprendido, sobre todo de las que no funcionaron. Parad o ampliad cada apuesta a propósito.',
  },
  'leading-yourself': {
    title: 'Liderarte a ti primero',
    body: 'El liderazgo empieza por cómo llevas tu propio trabajo y tus reacciones. Observa a dónde va tu tiempo cada semana y si coincide con lo importante. Pide a un compañero una opinión sincera sobre un hábito. Lee más en [los artículos del Center for Creative Leadership](https://www.ccl.org/articles/).',
  },
  'leading-a-team': {
    title: 'Liderar personas directamente',
    body: 'Liderar un equipo es facilitar que otros hagan su mejor trabajo. Sé claro en el **qué** y el **porqué**, y deja que las personas decidan el cómo. Mantén reuniones individuales regulares y promesas pequeñas y cumplidas. Las modas cambian; la confianza construida semana a semana, no.',
  },
  'leading-a-group': {
    title: 'Liderar un grupo de equipos',
    body: 'Liderar varios equipos consiste sobre todo en conectar. Asegúrate de que cada equipo sepa qué prueban y aprenden los demás. Detecta prácticas que funcionan en un equipo y ayuda a otros a adaptarlas, no a copiarlas. Tu trabajo es el sistema, no cada decisión dentro de él.',
  },
  'convening-a-circle': {
    title: 'Tus primeras semanas como convocante',
    body: 'Como convocante sostienes el espacio; no eres dueña de las respuestas. Marca el ritmo y mantenlo, aunque baje la asistencia. Abre cada sesión con una pregunta que todos respondan brevemente. Comparte el rol cuando acabe tu mandato: la rotación mantiene vivo el círculo.',
  },
  'leading-the-organisation': {
    title: 'Liderar la organización',
    body: 'En el nivel directivo, tu atención es la señal más fuerte. Nombra unos pocos retos importantes y deja que círculos y equipos los asuman. Patrocina experimentos y pregunta qué se aprendió, no solo qué se entregó. Cuenta historias de lo que cambió, con nombres, para que otros vean que es seguro probar.',
  },
};
