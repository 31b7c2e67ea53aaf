"""Write the Arabic news article fixture, ar_news.txt, byte for byte.

The article body is held below as ARTICLE, readable paragraph by paragraph.
What an editor cannot show or would change is written as an escape: the
no-break spaces are ``\\xa0``.  ``ARTICLE.encode("utf-8")`` is the file:
UTF-8, LF line endings, no newline at the end.

Usage::

    python3 make_article.py             # write ar_news.txt beside this script
    python3 make_article.py -o PATH     # write PATH instead
    python3 make_article.py -o -        # write the bytes to standard output
    python3 make_article.py --as KEY[,KEY...] [-o PATH]
                                        # the article as known changes leave it

Importing this module only defines ARTICLE: ``from make_article import ARTICLE``.
"""

import os
import stat
import sys

ARTICLE = (
    "🇨🇽 آسيــا و الهادي الولايات المتحدة الامريكية روسيا كوريا الشمالية\n\n"
    "زيارة رئيس كوريا الشمالية لروسيا يُثير قلق الولايات المتحدة\n\n"
    "قام رئيس كوريا الشمالية، كيم جونج، بزيارة روسيا، يوم الثلاثاء، وتهدف الزيارة بحسب وكالة الأنباء الكورية الشمالية الرسمية، إلى تعزيز العلاقات الثنائية، وتعويض تأثير العزلة الغربية ضد البلدين، ومن المقرر أن يجتمع كيم مع الرئيس الروسي فلاديمير بوتين لإجراء المحادثات خلال الأيام القليلة المقبلة.\xa0\n\n"
    "نقلت وكالة تاس الروسية للأنباء عن المتحدث باسم الكرملين، دميتري بيسكوف، قوله إنه لا يعلم أين ستُجرى المحادثات، مُضيفًا أن المحادثات ستُعقد بين الوفدين، وبشكل فردي أيضًا، يليها اجتماع رسمي وعشاء، وبحسب مسؤول الكرملين، لا يوجد مؤتمر صحفي قيد التجهيز.\xa0\n\n"
    "وقال بيسكوف إن العلاقات الثنائية ستكون ذات أولوية خلال المحادثات، مُوضحًا “كوريا الديمقراطية جارة لنا. بالطبع، مثل أي جار آخر، نعتبر أن من واجبنا بناء علاقات جيدة ومتبادلة المنفعة، وهذا ما نفعله، وما يفعله الرئيس بوتين باستمرار”.\n\n"
    "وردًا على سؤال حول تعليق الصين على اجتماع بين كيم وبوتين، قال ماو نينغ، المتحدث باسم وزارة الخارجية الصينية، يوم الثلاثاء، إن زيارة الزعيم الكوري الشمالي لروسيا هي ترتيب بين البلدين.\n\n"
    "مخاوف الغرب\xa0\n\n"
    "علّق\xa0 يانج جين، زميل باحث مشارك في معهد الدراسات الروسية وأوروبا الشرقية وآسيا الوسطى في الأكاديمية الصينية للعلوم الاجتماعية، لصحيفة جلوبال تايمز يوم الثلاثاء، بقوله إن تعزيز العلاقات الثنائية بين كوريا الشمالية وروسيا تُعتبر أولوية على رأس جدول الأعمال، بسبب الضغوط التي تُواجهها البلدين من قِبل الغرب.\xa0\n\n"
    "\xa0وأشار إلى أن العلاقة القوية بين روسيا وكوريا الشمالية يمكن أن توسع رقعة المعادلة الجيوسياسية في شمال شرق آسيا، خاصة عندما يصبح الوضع الأمني في المنطقة أكثر حساسية يوما بعد يوم.\xa0\n\n"
    "الإعلان عن زيارة رئيس كوريا الشمالية لم يمرّ بصمت، دون تصريح من الولايات المتحدة، فقد صرّح المتحدث باسم وزارة الخارجية الأمريكية ماثيو ميلر يوم الاثنين: “سأُذكّر البلدين بأن أي نقل أسلحة من كوريا الشمالية إلى روسيا سيكون انتهاكًا لقرارات مجلس الأمن الدولي المتعددة”، وكانت الولايات المتحدة حذرت الأسبوع الماضي من أن كوريا الشمالية “ستدفع ثمن” تزويد روسيا بأسلحة لاستخدامها في أوكرانيا، قائلة إن مفاوضات الأسلحة بين البلدين تتقدم بنشاط.\n\n"
    "وقال المتحدث باسم وزارة الدفاع الكورية الجنوبية جيون ها كيو الأسبوع الماضي، إن الوزارة تراقب عن كثب ما إذا كانت كوريا الشمالية وروسيا ستمضيان في المفاوضات بشأن صفقة أسلحة ونقل التكنولوجيا.\n\n"
    "ويعتقد يانج أن تهديدات الولايات المتحدة تشير إلى مخاوف الغرب المتزايدة بشأن إمكانية حصول روسيا على دعم عسكري، وبالتالي يلجأون إلى الضغط من الرأي العام لإجبار كوريا الشمالية على عدم توريد الأسلحة.\xa0\n\n"
    "تحالف استراتيجي\n\n"
    "يعتقد المراقبون أن مخزون الأسلحة الروسية لم ينفد بعد، وفي حديثه خلال اجتماع مع مديري الجلسات الرئيسية في المنتدى الاقتصادي الشرقي الثامن في فلاديفوستوك بروسيا يوم الثلاثاء، قال بوتين إن الأسلحة التي تستخدم مبادئ فيزيائية جديدة ستضمن الأمن في المنظور التاريخي القريب والسلطات الروسية تدرك ذلك.\n\n"
    "قال سونج تشونج بينج، الخبير العسكري الصيني والمعلق التلفزيوني، أن العقوبات الأميركية لم تؤدي إلا إلى التقريب بين كوريا الشمالية وروسيا، بل ودفعتهما إلى تشكيل تحالف استراتيجي.\xa0\n\n"
    "وأشار سونج إلى أنه من المرجح أن يتم تضمين التعاون العسكري في الاجتماع، فالقوة العسكرية لكلا البلدين متكاملة، قائلًا “فيما يتعلق بالتكنولوجيا، يمكن لروسيا أن تساعد كوريا الشمالية، وفي المقابل، تستطيع بيونج يانج المساعدة في تعزيز قدرة موسكو على إنتاج الذخيرة والأسلحة”.\xa0\n\n"
    "ووصف لي هايدوند، الأستاذ في جامعة الشؤون الخارجية الصينية، قلق الولايات المتحدة بشأن التحالف الأعمق بين روسيا وكوريا الشمالية بأنه “جني ما زرعناه”؛ لأن هذا التعاون الوثيق هو نتيجة التدريبات العسكرية المتكررة بين كوريا الجنوبية والولايات المتحدة، التي خلقت المزيد من الانقسامات في شمال شرق آسيا.\n\n"
    "وفي الشهر الماضي، أجرت الولايات المتحدة وكوريا الجنوبية مناورة عسكرية مشتركة واسعة النطاق تهدف إلى تعزيز دفاعهما واستعدادهما ضد كوريا الشمالية، وتضمنت مناورة “درع الحرية أولتشي” السنوية، التي استمرت لمدة 11 يومًا، حوالي 30 حدثًا تدريبيًا ميدانيًا بناءً على سيناريو الحرب الشاملة، وفقًا لمسؤول من هيئة الأركان المشتركة في كوريا الجنوبية، وذكرت وسائل إعلام أن عدد التدريبات هذا العام تجاوز عدد التدريبات العسكرية المشتركة السابقة."
)

DEFAULT_TARGET = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ar_news.txt")


def write_through(path: str, data: bytes) -> None:
    """Write into an existing file that is not a regular one (a FIFO, a device)."""
    with open(path, "wb") as stream:
        stream.write(data)


def replace_atomically(path: str, data: bytes, mode: int = 0o666) -> None:
    """Write a temporary file beside ``path``, then move it over ``path``.

    The new file gets ``mode`` as the umask allows.  A failed or interrupted
    write removes the temporary file and leaves ``path`` as it was.  A link
    stays a link: the file it points to is the one replaced.
    """
    target = os.path.realpath(path)
    folder, name = os.path.split(target)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with open(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def holds(path: str, data: bytes) -> bool:
    """Tell whether the file at ``path`` holds exactly ``data``."""
    with open(path, "rb") as stream:
        return stream.read(len(data) + 1) == data


def write(path: str, data: bytes) -> str:
    """Write ``data`` to ``path`` (``-``: standard output); say what was done."""
    if path == "-":
        if sys.stdout is None:
            raise OSError("standard output is closed")
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return f"wrote {len(data)} bytes to standard output"
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        replace_atomically(path, data)
    else:
        if not stat.S_ISREG(mode):
            write_through(path, data)
        elif holds(path, data):
            return f"{path} already holds these {len(data)} bytes; nothing written"
        else:
            replace_atomically(path, data, stat.S_IMODE(mode))
    return f"wrote {len(data)} bytes to {path}"


def parse_arguments(arguments: "list[str]"):
    """Parse the command line: where to write, and which known changes to make first."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="make_article.py",
        description="Write the Arabic news article fixture byte for byte: "
        "UTF-8, LF line endings, no newline at the end.",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="where to write the article; - for standard output "
        "(default: ar_news.txt beside this script; with --as, standard output)",
    )
    parser.add_argument(
        "--as",
        dest="keys",
        metavar="KEY[,KEY...]",
        help="write the article as these known changes of check.py, made in this "
        "order, leave it (never over ar_news.txt); README lists the keys",
    )
    return parser.parse_args(arguments)


def changed(keys: str) -> bytes:
    """The article as the known changes of ``keys`` (comma-separated, each
    perhaps with its form in parentheses) leave it.

    They are check.py's, and come from its diagnosis package beside this
    script, imported only here.
    """
    try:
        if __package__:
            from .ar_news_diagnosis import variant
        else:
            from ar_news_diagnosis import variant
    except ImportError:
        raise OSError(
            "--as needs the folder ar_news_diagnosis beside make_article.py"
        ) from None
    try:
        return variant(keys, text=ARTICLE)
    except ValueError as error:
        raise OSError(str(error)) from None


def main() -> None:
    arguments = sys.argv[1:]
    # With no arguments there is nothing to parse, and argparse, which costs
    # more to import and set up than the rest of the run, is not needed.
    options = parse_arguments(arguments) if arguments else None
    keys = options and options.keys
    output = (options and options.output) or ("-" if keys else DEFAULT_TARGET)
    try:
        if (
            keys
            and output != "-"
            and os.path.realpath(output) == os.path.realpath(DEFAULT_TARGET)
        ):
            raise OSError("--as never writes over ar_news.txt")
        done = write(output, changed(keys) if keys else ARTICLE.encode("utf-8"))
    except BrokenPipeError:
        raise  # handled once, at the entry point
    except OSError as error:
        print(f"make_article.py: {output}: {error.strerror or error}", file=sys.stderr)
        sys.exit(2)
    print(f"make_article.py: {done}", file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        # The reader of standard output went away: stop quietly, and point
        # standard output at /dev/null so that the exit flush fails no more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(2)
