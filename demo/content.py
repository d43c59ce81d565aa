# ruff: noqa: E501 -- prose in two languages reads better unbroken
"""The demo catalog's words, in English and Spanish side by side.

Written as data in code (not JSON fixtures) so the builder can pair each English
string with its Spanish translation and hand both to wagtail-localize.
Every pair is `(english, spanish)`.
"""

CATEGORIES = [
    {
        "key": "meditation",
        "name": ("Meditation", "Meditación"),
        "slug": ("meditation", "meditacion"),
        "description": (
            "Quiet the mind, one breath and one sitting at a time.",
            "Calma la mente, una respiración y una sesión cada vez.",
        ),
        "colours": ((76, 57, 140), (191, 155, 230)),
    },
    {
        "key": "yoga",
        "name": ("Yoga", "Yoga"),
        "slug": ("yoga", "yoga"),
        "description": (
            "Move with your breath and build strength with kindness.",
            "Muévete con la respiración y gana fuerza con amabilidad.",
        ),
        "colours": ((23, 110, 98), (150, 214, 190)),
    },
    {
        "key": "mindfulness",
        "name": ("Mindfulness", "Atención plena"),
        "slug": ("mindfulness", "atencion-plena"),
        "description": (
            "Bring full attention to ordinary moments of the day.",
            "Lleva toda tu atención a los momentos corrientes del día.",
        ),
        "colours": ((168, 84, 40), (246, 196, 140)),
    },
    {
        "key": "breathwork",
        "name": ("Breathwork", "Respiración consciente"),
        "slug": ("breathwork", "respiracion-consciente"),
        "description": (
            "Simple breathing techniques to steady energy and mood.",
            "Técnicas sencillas de respiración para equilibrar la energía y el ánimo.",
        ),
        "colours": ((32, 78, 150), (150, 196, 240)),
    },
]

INSTRUCTORS = [
    {
        "key": "ana",
        "name": "Ana Ruiz",
        "bio": (
            "Ana has taught meditation for fifteen years in Madrid and online.",
            "Ana enseña meditación desde hace quince años en Madrid y en línea.",
        ),
    },
    {
        "key": "tom",
        "name": "Tom Hale",
        "bio": (
            "Tom is a yoga teacher and physiotherapist who loves slow practice.",
            "Tom es profesor de yoga y fisioterapeuta, y le encanta la práctica lenta.",
        ),
    },
    {
        "key": "lucia",
        "name": "Lucía Fernández",
        "bio": (
            "Lucía brings mindfulness to schools, hospitals and busy offices.",
            "Lucía lleva la atención plena a colegios, hospitales y oficinas con prisa.",
        ),
    },
    {
        "key": "kenji",
        "name": "Kenji Mori",
        "bio": (
            "Kenji trained as a free diver and now teaches breathing to everyone.",
            "Kenji se formó como buceador en apnea y ahora enseña a respirar a todos.",
        ),
    },
]

# Shared blocks: the same sentences appear on several courses, translated once.
TIP = (
    "Practise at the same time every day: consistency matters more than length.",
    "Practica a la misma hora cada día: la constancia importa más que la duración.",
)
TIP_TITLE = ("A tip before you begin", "Un consejo antes de empezar")
FAQ_HEADING = ("Frequently asked questions", "Preguntas frecuentes")
FAQ = [
    (
        ("Do I need any equipment?", "¿Necesito algún material?"),
        (
            "A quiet corner and a cushion or chair are enough.",
            "Basta con un rincón tranquilo y un cojín o una silla.",
        ),
    ),
    (
        (
            "Can I watch the lessons on my phone?",
            "¿Puedo ver las lecciones en el móvil?",
        ),
        (
            "Yes, every lesson works on phones, tablets and computers.",
            "Sí, todas las lecciones funcionan en móviles, tabletas y ordenadores.",
        ),
    ),
]
QUOTES = {
    "meditation": (
        (
            "The quieter you become, the more you can hear.",
            "Cuanto más callas, más puedes oír.",
        ),
        ("Ram Dass", "Ram Dass"),
    ),
    "yoga": (
        (
            "Yoga is the journey of the self, through the self, to the self.",
            "El yoga es el viaje del yo, a través del yo, hacia el yo.",
        ),
        ("The Bhagavad Gita", "El Bhagavad Gita"),
    ),
    "mindfulness": (
        (
            "Wherever you go, there you are.",
            "Vayas donde vayas, allí estás.",
        ),
        ("Jon Kabat-Zinn", "Jon Kabat-Zinn"),
    ),
    "breathwork": (
        (
            "Breath is the bridge which connects life to consciousness.",
            "La respiración es el puente que une la vida con la conciencia.",
        ),
        ("Thich Nhat Hanh", "Thich Nhat Hanh"),
    ),
}
LESSON_BODY = (
    "Find a comfortable position and follow the guidance at your own pace.",
    "Busca una postura cómoda y sigue las indicaciones a tu propio ritmo.",
)
LESSON_REFLECTION = (
    "Afterwards, take a minute to notice how you feel.",
    "Después, tómate un minuto para notar cómo te sientes.",
)
VIDEO_URL = "https://www.youtube.com/watch?v=inpok4MKVLM"


def _lessons(*rows):
    """rows of (english title, spanish title, minutes, free preview)."""
    return [
        {"title": (en, es), "minutes": minutes, "free": free}
        for en, es, minutes, free in rows
    ]


COURSES = [
    {
        "slug": ("meditation-for-beginners", "meditacion-para-principiantes"),
        "title": ("Meditation for Beginners", "Meditación para principiantes"),
        "subtitle": (
            "Ten minutes a day to a calmer mind",
            "Diez minutos al día para una mente más serena",
        ),
        "summary": (
            "Learn to sit, breathe and settle your attention with short daily practices.",
            "Aprende a sentarte, respirar y asentar la atención con prácticas diarias breves.",
        ),
        "about": (
            "This course takes you from your very first sitting to a steady daily habit.",
            "Este curso te acompaña desde tu primera sesión hasta un hábito diario estable.",
        ),
        "alt": (
            "Purple gradient with soft circles suggesting calm",
            "Degradado morado con círculos suaves que sugieren calma",
        ),
        "category": "meditation",
        "level": "beginner",
        "minutes": 95,
        "instructors": ["ana"],
        "outcomes": [
            (
                "Sit comfortably for ten minutes",
                "Sentarte con comodidad durante diez minutos",
            ),
            (
                "Return to the breath when the mind wanders",
                "Volver a la respiración cuando la mente se distrae",
            ),
            (
                "Build a daily practice that lasts",
                "Crear una práctica diaria que perdure",
            ),
        ],
        "prerequisites": [("None: just curiosity", "Ninguno: solo curiosidad")],
        "lessons": _lessons(
            ("Why meditate?", "¿Por qué meditar?", 8, True),
            ("Finding your posture", "Encontrar tu postura", 12, True),
            ("Counting breaths", "Contar respiraciones", 15, False),
            ("When the mind wanders", "Cuando la mente divaga", 15, False),
            ("Your daily routine", "Tu rutina diaria", 10, False),
        ),
    },
    {
        "slug": ("loving-kindness-meditation", "meditacion-de-amor-bondadoso"),
        "title": ("Loving-Kindness Meditation", "Meditación de amor bondadoso"),
        "subtitle": (
            "Warmth for yourself and others",
            "Calidez para ti y para los demás",
        ),
        "summary": (
            "Cultivate friendliness and compassion with the classic metta practice.",
            "Cultiva la amabilidad y la compasión con la práctica clásica de metta.",
        ),
        "about": (
            "Metta is an ancient practice of wishing well, starting with yourself.",
            "Metta es una práctica antigua de desear el bien, empezando por uno mismo.",
        ),
        "alt": (
            "Warm violet shapes overlapping gently",
            "Formas violetas cálidas que se superponen con suavidad",
        ),
        "category": "meditation",
        "level": "all",
        "minutes": 120,
        "instructors": ["ana", "lucia"],
        "outcomes": [
            ("Recite the four metta phrases", "Recitar las cuatro frases de metta"),
            (
                "Extend kindness to difficult people",
                "Extender la bondad a personas difíciles",
            ),
            (
                "Meet self-criticism with warmth",
                "Responder a la autocrítica con calidez",
            ),
        ],
        "prerequisites": [
            (
                "A little sitting experience helps",
                "Algo de experiencia sentándote ayuda",
            )
        ],
        "lessons": _lessons(
            ("Kindness towards yourself", "Bondad hacia ti", 15, True),
            ("A good friend", "Un buen amigo", 15, False),
            ("A neutral person", "Una persona neutral", 15, False),
            ("A difficult person", "Una persona difícil", 20, False),
            ("All beings everywhere", "Todos los seres", 20, False),
            ("Metta in daily life", "Metta en la vida diaria", 15, False),
        ),
    },
    {
        "slug": ("deep-silence-retreat", "retiro-de-silencio-profundo"),
        "title": (
            "Deep Silence: A Home Retreat",
            "Silencio profundo: un retiro en casa",
        ),
        "subtitle": (
            "A weekend of practice without leaving home",
            "Un fin de semana de práctica sin salir de casa",
        ),
        "summary": (
            "A guided weekend retreat with long sittings, walking practice and rest.",
            "Un retiro guiado de fin de semana con sesiones largas, meditación caminando y descanso.",
        ),
        "about": (
            "Set aside two days, switch off your phone and let silence do its work.",
            "Reserva dos días, apaga el móvil y deja que el silencio haga su trabajo.",
        ),
        "alt": (
            "Deep purple field fading into light",
            "Campo morado intenso que se funde con la luz",
        ),
        "category": "meditation",
        "level": "advanced",
        "minutes": 420,
        "instructors": ["ana"],
        "outcomes": [
            (
                "Sit for forty-five minutes at a time",
                "Sentarte cuarenta y cinco minutos seguidos",
            ),
            ("Practise walking meditation", "Practicar la meditación caminando"),
            ("Plan your own silent days", "Planificar tus propios días de silencio"),
        ],
        "prerequisites": [("A regular daily practice", "Una práctica diaria regular")],
        "lessons": _lessons(
            ("Preparing your retreat", "Preparar tu retiro", 20, True),
            ("Morning sitting", "Sesión de la mañana", 60, False),
            ("Walking practice", "Práctica caminando", 45, False),
            ("Afternoon sitting", "Sesión de la tarde", 60, False),
            ("Evening reflection", "Reflexión de la noche", 30, False),
            ("Returning to daily life", "Volver a la vida diaria", 25, False),
            ("Second morning", "Segunda mañana", 60, False),
            ("Closing ceremony", "Ceremonia de cierre", 20, False),
        ),
    },
    {
        "slug": ("gentle-yoga-mornings", "yoga-suave-por-la-manana"),
        "title": ("Gentle Yoga Mornings", "Yoga suave por la mañana"),
        "subtitle": (
            "Wake up your body in twenty minutes",
            "Despierta tu cuerpo en veinte minutos",
        ),
        "summary": (
            "Short, kind sequences to loosen the spine and start the day with energy.",
            "Secuencias cortas y amables para soltar la espalda y empezar el día con energía.",
        ),
        "about": (
            "Each session is twenty minutes or less and needs only a mat.",
            "Cada sesión dura veinte minutos o menos y solo necesitas una esterilla.",
        ),
        "alt": (
            "Teal morning gradient with rising circles",
            "Degradado turquesa de mañana con círculos que ascienden",
        ),
        "category": "yoga",
        "level": "beginner",
        "minutes": 80,
        "instructors": ["tom"],
        "outcomes": [
            (
                "Move your spine in six directions",
                "Mover la columna en seis direcciones",
            ),
            ("Link movement and breath", "Unir movimiento y respiración"),
            (
                "Practise safely with tight hamstrings",
                "Practicar con seguridad aunque tengas isquiotibiales rígidos",
            ),
        ],
        "prerequisites": [("A yoga mat", "Una esterilla de yoga")],
        "lessons": _lessons(
            ("Cat and cow", "Gato y vaca", 15, True),
            ("Sun salutation, slowly", "Saludo al sol, despacio", 20, False),
            ("Standing balance", "Equilibrio de pie", 20, False),
            ("Hips and hamstrings", "Caderas e isquiotibiales", 25, False),
        ),
    },
    {
        "slug": ("yoga-for-back-care", "yoga-para-cuidar-la-espalda"),
        "title": ("Yoga for Back Care", "Yoga para cuidar la espalda"),
        "subtitle": (
            "Relief for desk-bound days",
            "Alivio para los días frente al escritorio",
        ),
        "summary": (
            "A physiotherapist's yoga programme to ease stiffness and strengthen your back.",
            "Un programa de yoga de un fisioterapeuta para aliviar la rigidez y fortalecer la espalda.",
        ),
        "about": (
            "We combine gentle mobility with strength work your back will thank you for.",
            "Combinamos movilidad suave con trabajo de fuerza que tu espalda agradecerá.",
        ),
        "alt": (
            "Green waves suggesting a flexible spine",
            "Ondas verdes que sugieren una columna flexible",
        ),
        "category": "yoga",
        "level": "intermediate",
        "minutes": 150,
        "instructors": ["tom"],
        "outcomes": [
            ("Understand what your back needs", "Entender lo que necesita tu espalda"),
            ("Strengthen your core without strain", "Fortalecer el abdomen sin forzar"),
            (
                "Release tension after long days",
                "Soltar la tensión después de días largos",
            ),
        ],
        "prerequisites": [
            ("Some yoga experience", "Algo de experiencia en yoga"),
            (
                "Check with your doctor if you have an injury",
                "Consulta a tu médico si tienes una lesión",
            ),
        ],
        "lessons": _lessons(
            ("How the spine moves", "Cómo se mueve la columna", 15, True),
            ("Mobility flow", "Secuencia de movilidad", 25, False),
            ("Core without crunches", "Abdomen sin abdominales", 25, False),
            ("Hip openers", "Apertura de caderas", 25, False),
            ("Restorative evening", "Tarde reparadora", 30, False),
        ),
    },
    {
        "slug": ("vinyasa-flow-intensive", "vinyasa-flow-intensivo"),
        "title": ("Vinyasa Flow Intensive", "Vinyasa flow intensivo"),
        "subtitle": ("Strength, rhythm and focus", "Fuerza, ritmo y concentración"),
        "summary": (
            "Dynamic sequences for experienced practitioners who want to deepen their flow.",
            "Secuencias dinámicas para practicantes con experiencia que quieren profundizar en su flow.",
        ),
        "about": (
            "Expect sweat, arm balances and a long, well-earned rest at the end.",
            "Prepárate para sudar, hacer equilibrios sobre los brazos y disfrutar de un largo descanso final.",
        ),
        "alt": (
            "Bright teal shapes in motion",
            "Formas turquesa brillantes en movimiento",
        ),
        "category": "yoga",
        "level": "advanced",
        "minutes": 240,
        "instructors": ["tom"],
        "outcomes": [
            (
                "Flow through long sequences with steady breath",
                "Fluir por secuencias largas con la respiración estable",
            ),
            (
                "Prepare safely for arm balances",
                "Prepararte con seguridad para los equilibrios sobre los brazos",
            ),
            ("Design your own sequence", "Diseñar tu propia secuencia"),
        ],
        "prerequisites": [
            ("A regular vinyasa practice", "Una práctica regular de vinyasa")
        ],
        "lessons": _lessons(
            ("Breath and bandhas", "Respiración y bandhas", 20, True),
            ("Building heat", "Generar calor", 40, False),
            ("Arm balance basics", "Bases de los equilibrios", 40, False),
            ("Peak pose practice", "Práctica de la postura cumbre", 45, False),
            ("Long restorative", "Relajación larga", 35, False),
            ("Sequencing workshop", "Taller de secuencias", 60, False),
        ),
    },
    {
        "slug": ("mindfulness-at-work", "atencion-plena-en-el-trabajo"),
        "title": ("Mindfulness at Work", "Atención plena en el trabajo"),
        "subtitle": (
            "Focus and calm between meetings",
            "Concentración y calma entre reuniones",
        ),
        "summary": (
            "Practical techniques to handle stress, focus deeply and listen better at work.",
            "Técnicas prácticas para gestionar el estrés, concentrarte a fondo y escuchar mejor en el trabajo.",
        ),
        "about": (
            "Every practice fits into a coffee break and needs no special setting.",
            "Cada práctica cabe en una pausa para el café y no necesita un lugar especial.",
        ),
        "alt": (
            "Orange gradient with calm geometric shapes",
            "Degradado naranja con formas geométricas tranquilas",
        ),
        "category": "mindfulness",
        "level": "beginner",
        "minutes": 75,
        "instructors": ["lucia"],
        "outcomes": [
            (
                "Take a three-minute breathing space",
                "Hacer un espacio de respiración de tres minutos",
            ),
            ("Single-task with intention", "Hacer una sola tarea con intención"),
            ("Respond instead of react", "Responder en lugar de reaccionar"),
        ],
        "prerequisites": [("None", "Ninguno")],
        "lessons": _lessons(
            (
                "The three-minute breathing space",
                "El espacio de respiración de tres minutos",
                10,
                True,
            ),
            ("Mindful email", "Correo electrónico consciente", 15, False),
            ("Listening in meetings", "Escuchar en las reuniones", 20, False),
            ("Ending the workday", "Cerrar la jornada", 15, False),
        ),
    },
    {
        "slug": ("mindful-eating", "alimentacion-consciente"),
        "title": ("Mindful Eating", "Alimentación consciente"),
        "subtitle": ("Taste every bite", "Saborea cada bocado"),
        "summary": (
            "Rediscover hunger, fullness and the pleasure of food without rules or diets.",
            "Redescubre el hambre, la saciedad y el placer de comer sin reglas ni dietas.",
        ),
        "about": (
            "This is not a diet: it is a way of paying attention at the table.",
            "Esto no es una dieta: es una forma de prestar atención en la mesa.",
        ),
        "alt": (
            "Amber shapes resembling a bowl",
            "Formas ámbar que recuerdan a un cuenco",
        ),
        "category": "mindfulness",
        "level": "all",
        "minutes": 60,
        "instructors": ["lucia"],
        "outcomes": [
            (
                "Notice hunger and fullness signals",
                "Notar las señales de hambre y saciedad",
            ),
            (
                "Eat one meal a day without screens",
                "Comer una comida al día sin pantallas",
            ),
            ("Meet cravings with curiosity", "Recibir los antojos con curiosidad"),
        ],
        "prerequisites": [("None", "Ninguno")],
        "lessons": _lessons(
            ("The raisin exercise", "El ejercicio de la pasa", 10, True),
            ("Hunger and fullness", "Hambre y saciedad", 15, False),
            ("Cravings", "Antojos", 15, False),
        ),
    },
    {
        "slug": (
            "mindfulness-based-stress-reduction",
            "reduccion-del-estres-basada-en-atencion-plena",
        ),
        "title": (
            "Stress Reduction in Eight Weeks",
            "Reducción del estrés en ocho semanas",
        ),
        "subtitle": (
            "The classic eight-week programme",
            "El programa clásico de ocho semanas",
        ),
        "summary": (
            "A structured eight-week programme with body scans, movement and daily practice.",
            "Un programa estructurado de ocho semanas con escáner corporal, movimiento y práctica diaria.",
        ),
        "about": (
            "Each week builds on the last; plan for about forty minutes of practice a day.",
            "Cada semana se apoya en la anterior; calcula unos cuarenta minutos de práctica al día.",
        ),
        "alt": ("Layers of orange light", "Capas de luz naranja"),
        "category": "mindfulness",
        "level": "intermediate",
        "minutes": 480,
        "instructors": ["lucia", "ana"],
        "outcomes": [
            ("Practise the body scan", "Practicar el escáner corporal"),
            ("Recognise your stress patterns", "Reconocer tus patrones de estrés"),
            (
                "Keep practising after the course",
                "Seguir practicando después del curso",
            ),
        ],
        "prerequisites": [
            ("Time for daily practice", "Tiempo para practicar cada día")
        ],
        "lessons": _lessons(
            ("Week one: automatic pilot", "Semana uno: el piloto automático", 60, True),
            ("Week two: the body scan", "Semana dos: el escáner corporal", 60, False),
            (
                "Week three: mindful movement",
                "Semana tres: movimiento consciente",
                60,
                False,
            ),
            (
                "Week four: stress reactions",
                "Semana cuatro: reacciones al estrés",
                60,
                False,
            ),
            ("Week five: allowing", "Semana cinco: permitir", 60, False),
            (
                "Week six: thoughts are not facts",
                "Semana seis: los pensamientos no son hechos",
                60,
                False,
            ),
            ("Week seven: caring for yourself", "Semana siete: cuidarte", 60, False),
            (
                "Week eight: the rest of your life",
                "Semana ocho: el resto de tu vida",
                60,
                False,
            ),
        ),
    },
    {
        "slug": ("breathing-for-calm", "respirar-para-calmarse"),
        "title": ("Breathing for Calm", "Respirar para calmarse"),
        "subtitle": (
            "Slow your breath, settle your nerves",
            "Ralentiza la respiración, calma los nervios",
        ),
        "summary": (
            "Simple breathing patterns that calm the nervous system in minutes.",
            "Patrones de respiración sencillos que calman el sistema nervioso en minutos.",
        ),
        "about": (
            "You will learn why slow exhalations calm you and how to use them anywhere.",
            "Aprenderás por qué las exhalaciones lentas te calman y cómo usarlas en cualquier lugar.",
        ),
        "alt": ("Blue gradient with slow ripples", "Degradado azul con ondas lentas"),
        "category": "breathwork",
        "level": "beginner",
        "minutes": 45,
        "instructors": ["kenji"],
        "outcomes": [
            ("Breathe slowly through the nose", "Respirar despacio por la nariz"),
            (
                "Use box breathing before stressful moments",
                "Usar la respiración cuadrada antes de momentos de estrés",
            ),
            ("Fall asleep more easily", "Dormirte con más facilidad"),
        ],
        "prerequisites": [("None", "Ninguno")],
        "lessons": _lessons(
            ("Noticing your breath", "Observar tu respiración", 10, True),
            ("Box breathing", "Respiración cuadrada", 10, True),
            ("Long exhalations", "Exhalaciones largas", 10, False),
            ("Breathing for sleep", "Respirar para dormir", 15, False),
        ),
    },
    {
        "slug": ("energising-breathwork", "respiracion-energizante"),
        "title": ("Energising Breathwork", "Respiración energizante"),
        "subtitle": ("Wake up without coffee", "Despierta sin café"),
        "summary": (
            "Invigorating breathing practices to lift energy and sharpen focus.",
            "Prácticas de respiración estimulantes para subir la energía y afinar la concentración.",
        ),
        "about": (
            "Stronger techniques, practised safely, with plenty of rest in between.",
            "Técnicas más intensas, practicadas con seguridad y con mucho descanso entre medias.",
        ),
        "alt": ("Electric blue bursts of light", "Destellos de luz azul eléctrico"),
        "category": "breathwork",
        "level": "intermediate",
        "minutes": 90,
        "instructors": ["kenji"],
        "outcomes": [
            (
                "Practise bellows breath safely",
                "Practicar la respiración de fuelle con seguridad",
            ),
            ("Combine breath holds and movement", "Combinar retenciones y movimiento"),
            ("Know when not to practise", "Saber cuándo no practicar"),
        ],
        "prerequisites": [
            (
                "Breathing for Calm, or similar experience",
                "Respirar para calmarse o una experiencia similar",
            )
        ],
        "lessons": _lessons(
            ("Safety first", "Primero, la seguridad", 10, True),
            ("Bellows breath", "Respiración de fuelle", 20, False),
            ("Breath holds", "Retenciones", 20, False),
            ("A full morning session", "Una sesión completa de mañana", 40, False),
        ),
    },
    {
        "slug": ("freediver-breathing", "respiracion-de-apnea"),
        "title": ("Breathe Like a Freediver", "Respira como un apneísta"),
        "subtitle": (
            "Lung capacity, relaxation and control",
            "Capacidad pulmonar, relajación y control",
        ),
        "summary": (
            "Advanced techniques from freediving to relax deeply and hold your breath longer.",
            "Técnicas avanzadas de la apnea para relajarte a fondo y aguantar más la respiración.",
        ),
        "about": (
            "Always practise on dry land and never alone in water.",
            "Practica siempre en tierra firme y nunca a solas en el agua.",
        ),
        "alt": ("Deep blue water gradient", "Degradado azul profundo como el agua"),
        "category": "breathwork",
        "level": "advanced",
        "minutes": 200,
        "instructors": ["kenji"],
        "outcomes": [
            (
                "Relax completely before a breath hold",
                "Relajarte por completo antes de una apnea",
            ),
            (
                "Train CO2 and O2 tables on land",
                "Entrenar tablas de CO2 y O2 en tierra",
            ),
            ("Stretch your diaphragm", "Estirar el diafragma"),
        ],
        "prerequisites": [
            (
                "Good health; ask your doctor first",
                "Buena salud; consulta antes a tu médico",
            ),
        ],
        "lessons": _lessons(
            ("The diving reflex", "El reflejo de inmersión", 20, True),
            ("Full relaxation", "Relajación completa", 30, False),
            ("CO2 tables", "Tablas de CO2", 40, False),
            ("O2 tables", "Tablas de O2", 40, False),
            ("Diaphragm stretches", "Estiramientos del diafragma", 30, False),
            ("Your training plan", "Tu plan de entrenamiento", 40, False),
        ),
    },
    {
        "slug": ("yoga-nidra-for-sleep", "yoga-nidra-para-dormir"),
        "title": ("Yoga Nidra for Sleep", "Yoga nidra para dormir"),
        "subtitle": (
            "Guided rest for restless nights",
            "Descanso guiado para noches inquietas",
        ),
        "summary": (
            "Lie down, listen and let yoga nidra guide you into deep, restful sleep.",
            "Túmbate, escucha y deja que el yoga nidra te lleve a un sueño profundo y reparador.",
        ),
        "about": (
            "Yoga nidra is practised lying down: all you need is a bed and headphones.",
            "El yoga nidra se practica tumbado: solo necesitas una cama y auriculares.",
        ),
        "alt": (
            "Night-blue gradient with a soft moon",
            "Degradado azul noche con una luna suave",
        ),
        "category": "yoga",
        "level": "all",
        "minutes": 100,
        "instructors": ["tom", "ana"],
        "outcomes": [
            (
                "Relax each part of the body in turn",
                "Relajar cada parte del cuerpo por turnos",
            ),
            ("Set a personal intention", "Formular una intención personal"),
            ("Fall back asleep at night", "Volver a dormirte por la noche"),
        ],
        "prerequisites": [("None", "Ninguno")],
        "lessons": _lessons(
            ("What is yoga nidra?", "¿Qué es el yoga nidra?", 10, True),
            ("Body rotation", "Recorrido corporal", 25, False),
            ("The intention", "La intención", 20, False),
            (
                "A full practice for sleep",
                "Una práctica completa para dormir",
                45,
                False,
            ),
        ),
    },
    {
        "slug": ("walking-meditation", "meditacion-caminando"),
        "title": ("Walking Meditation", "Meditación caminando"),
        "subtitle": ("Practice with every step", "Practica con cada paso"),
        "summary": (
            "Turn an everyday walk into meditation, in the park or on the way to work.",
            "Convierte un paseo cotidiano en meditación, en el parque o camino del trabajo.",
        ),
        "about": (
            "Walking practice suits restless bodies and busy minds.",
            "La práctica caminando va bien a los cuerpos inquietos y a las mentes ocupadas.",
        ),
        "alt": (
            "Violet path winding into the distance",
            "Camino violeta que se pierde en la distancia",
        ),
        "category": "meditation",
        "level": "beginner",
        "minutes": 50,
        "instructors": ["ana"],
        "outcomes": [
            ("Walk slowly with full attention", "Caminar despacio con plena atención"),
            ("Use your commute as practice", "Usar tus trayectos como práctica"),
            ("Notice the senses outdoors", "Notar los sentidos al aire libre"),
        ],
        "prerequisites": [("Comfortable shoes", "Calzado cómodo")],
        "lessons": _lessons(
            ("Slow walking", "Caminar despacio", 15, True),
            ("Walking outdoors", "Caminar al aire libre", 20, False),
            ("The mindful commute", "El trayecto consciente", 15, False),
        ),
    },
]

# Which demo courses show off scheduling and drafts (by English slug).
SCHEDULED_COURSE = "yoga-nidra-for-sleep"
DRAFT_COURSE = "walking-meditation"
FEATURED = ["meditation-for-beginners", "gentle-yoga-mornings", "breathing-for-calm"]

HOME = {
    "hero_heading": (
        "Courses for the inner life",
        "Cursos para la vida interior",
    ),
    "cta": ("Browse all courses", "Ver todos los cursos"),
}
CATALOG = {
    "title": ("Courses", "Cursos"),
    "slug": ("courses", "cursos"),
    "intro": (
        "Meditation, yoga, mindfulness and breathwork, taught by experienced teachers.",
        "Meditación, yoga, atención plena y respiración, de la mano de profesores con experiencia.",
    ),
}

STANDARD_PAGES = [
    {
        "slug": ("about", "sobre-nosotros"),
        "title": ("About us", "Sobre nosotros"),
        "intro": (
            "Mystic Courses is a small school of teachers who practise what they teach.",
            "Mystic Courses es una pequeña escuela de profesores que practican lo que enseñan.",
        ),
        "paragraphs": [
            (
                "We started in 2019 with one meditation class in a borrowed room.",
                "Empezamos en 2019 con una clase de meditación en una sala prestada.",
            ),
            (
                "Today our teachers reach learners in Spain, Latin America and beyond.",
                "Hoy nuestros profesores llegan a alumnos de España, Latinoamérica y más allá.",
            ),
        ],
    },
    {
        "slug": ("faq", "preguntas-frecuentes"),
        "title": ("Frequently asked questions", "Preguntas frecuentes"),
        "intro": (
            "Answers to the questions learners ask us most.",
            "Respuestas a las preguntas que más nos hacen los alumnos.",
        ),
        "paragraphs": [],
        "faq": True,
    },
    {
        "slug": ("contact", "contacto"),
        "title": ("Contact", "Contacto"),
        "intro": (
            "We answer every message within two working days.",
            "Respondemos a todos los mensajes en un plazo de dos días laborables.",
        ),
        "paragraphs": [
            (
                "Write to hello@mystic.localhost or call +34 910 000 000 on weekdays.",
                "Escríbenos a hello@mystic.localhost o llama al +34 910 000 000 entre semana.",
            ),
        ],
    },
    {
        "slug": ("terms", "condiciones"),
        "title": ("Terms of use", "Condiciones de uso"),
        "intro": (
            "The rules that apply when you use this site and buy a course.",
            "Las normas que se aplican cuando usas este sitio y compras un curso.",
        ),
        "paragraphs": [
            (
                "A course purchase gives you personal access to its lessons for as long as the course is offered.",
                "La compra de un curso te da acceso personal a sus lecciones mientras el curso se ofrezca.",
            ),
        ],
    },
    {
        "slug": ("privacy", "privacidad"),
        "title": ("Privacy policy", "Política de privacidad"),
        "intro": (
            "What we collect about you, why, and how to ask us to delete it.",
            "Qué datos recogemos sobre ti, para qué y cómo pedirnos que los borremos.",
        ),
        "paragraphs": [
            (
                "We keep only what we need to run your account and your purchases.",
                "Solo guardamos lo necesario para gestionar tu cuenta y tus compras.",
            ),
        ],
    },
    {
        "slug": ("refund-policy", "politica-de-reembolso"),
        "title": ("Refund policy", "Política de reembolso"),
        "intro": (
            "Not the right course? Ask for a refund within fourteen days.",
            "¿No es el curso adecuado? Pide el reembolso en un plazo de catorce días.",
        ),
        "paragraphs": [
            (
                "Write to us within fourteen days of purchase and we refund the full price.",
                "Escríbenos en los catorce días siguientes a la compra y te devolvemos el importe íntegro.",
            ),
        ],
    },
]
