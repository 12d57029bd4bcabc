// Many documents through one HeidelTime JVM (the standalone CLI takes one file
// a run, and a JVM start with HeidelTime's resource loading costs seconds).
//
//   java -cp <heideltime standalone jar>:build HeidelBatch CONFIG LANGUAGE IN OUT [IN OUT ...]
//
// IN: UTF-8 records separated by U+001E, each TYPE U+001F DCT U+001F TEXT:
// TYPE a HeidelTime document type (news, narratives, ...), DCT the document
// creation time YYYY-MM-DD or empty.  OUT: one TimeML string per record,
// separated by U+001E.  stdout: "init<TAB>seconds" (JVM start excluded:
// resources, UIMA pipeline and one warm-up document), then one line per IN,
// "IN<TAB>documents<TAB>seconds<TAB>cpu seconds" (processing only, reading and
// writing apart; cpu: the JVM process, all threads, as the machine may be shared).
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

public class HeidelBatch {
    static Language lang;
    static String config;
    static final Map<DocumentType, HeidelTimeStandalone> taggers = new HashMap<>();

    static HeidelTimeStandalone tagger(DocumentType type) {
        return taggers.computeIfAbsent(type,
                t -> new HeidelTimeStandalone(lang, t, OutputType.TIMEML, config, POSTagger.NO));
    }

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        // HeidelTime logs every document at INFO on stderr; keep warnings only
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler h : root.getHandlers()) h.setLevel(Level.WARNING);
        config = args[0];
        lang = Language.getLanguageFromString(args[1]);
        HeidelTimeStandalone.readConfigFile(config);
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        fmt.setTimeZone(TimeZone.getTimeZone("UTC"));
        tagger(DocumentType.NEWS).process("2023-10-07", fmt.parse("2023-10-10"));
        System.out.printf("init\t%.6f%n", (System.nanoTime() - t0) / 1e9);
        System.out.flush();
        for (int i = 2; i + 1 < args.length; i += 2) {
            String data = new String(Files.readAllBytes(Paths.get(args[i])), StandardCharsets.UTF_8);
            String[] recs = data.split("\u001e", -1);
            StringBuilder out = new StringBuilder();
            int n = 0;
            long t = System.nanoTime();
            long c = cpu();
            for (String rec : recs) {
                if (rec.isEmpty()) continue;
                String[] f = rec.split("\u001f", 3);
                DocumentType type = DocumentType.valueOf(f[0].toUpperCase());
                Date dct = f[1].isEmpty() ? null : fmt.parse(f[1]);
                String res;
                try {
                    res = tagger(type).process(f[2], dct);
                } catch (Exception e) {
                    res = "<ERROR>" + e + "</ERROR>";
                }
                out.append(res).append('\u001e');
                n++;
            }
            double secs = (System.nanoTime() - t) / 1e9;
            double cpus = (cpu() - c) / 1e9;
            Files.write(Paths.get(args[i + 1]), out.toString().getBytes(StandardCharsets.UTF_8));
            System.out.printf("%s\t%d\t%.6f\t%.6f%n", args[i], n, secs, cpus);
            System.out.flush();
        }
    }
}
