package io.ordergate.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads the ```bash blocks of a Markdown page as transcripts: variable lines ({@code H=(...)}, {@code BODY='...'}),
 * {@code curl ...} lines (continued by a trailing backslash), each followed by the answer the page shows (an optional
 * status, then JSON over one or more lines), and {@code #} comments. Also splits a line into shell words the way bash
 * would for the few forms the pages use: quotes, {@code $NAME}, {@code ${NAME}} and {@code "${NAME[@]}"}.
 */
final class DocTranscripts
{
    private static final Pattern ANSWER_STATUS = Pattern.compile("^([1-5][0-9][0-9])(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Pattern HMAC = Pattern.compile(
        "printf '%s' \"\\$([A-Z]+)\" \\| openssl dgst -sha256 -hmac (\\S+) \\| sed 's/\\^\\.\\* //'");
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z][A-Z0-9_]*)=(.*)$", Pattern.DOTALL);

    /** One line of a block: an assignment ({@code name} set), or a request with the answer shown after it. */
    record Step(int line, String name, String text, Integer status, String answer)
    {
        boolean isAssignment()
        {
            return name != null;
        }
    }

    private DocTranscripts()
    {
    }

    static List<Step> parse(final String markdown)
    {
        final List<Step> steps = new ArrayList<>();
        final String[] lines = markdown.split("\n", -1);
        boolean inside = false;
        int pendingLine = 0;
        String pending = null;
        StringBuilder answer = null;
        for (int i = 0; i < lines.length; i++)
        {
            final String raw = lines[i];
            final String line = withoutComment(raw).strip();
            if (raw.startsWith("```") || inside && !line.isEmpty() && !(pending != null && isAnswer(raw)))
            {
                if (pending != null)
                {
                    steps.add(request(pendingLine, pending, answer));
                    pending = null;
                }
            }
            if (raw.startsWith("```"))
            {
                inside = raw.equals("```bash");
                continue;
            }
            if (!inside || line.isEmpty())
            {
                continue;
            }
            if (pending != null)
            {
                answer.append(answer.length() == 0 ? "" : " ").append(line);
                continue;
            }
            // a command goes on over lines ending in a backslash and over line ends inside quotes
            final int start = i + 1;
            final StringBuilder joined = new StringBuilder(raw);
            while (i + 1 < lines.length && continues(withoutComment(joined.toString())))
            {
                joined.append('\n').append(lines[++i]);
            }
            final String command = withoutComment(joined.toString()).replace("\\\n", " ").replace('\n', ' ').strip();
            final Matcher assignment = ASSIGNMENT.matcher(command);
            if (!command.startsWith("curl ") && assignment.matches())
            {
                steps.add(new Step(start, assignment.group(1), assignment.group(2).strip(), null, null));
            }
            else if (command.startsWith("curl "))
            {
                pendingLine = start;
                pending = command;
                answer = new StringBuilder();
            }
            else
            {
                steps.add(new Step(start, null, command, null, null));
            }
        }
        return steps;
    }

    /** An answer line: JSON (maybe after a status), an elision, or the indented rest of a longer answer. */
    private static boolean isAnswer(final String raw)
    {
        return !raw.isEmpty() && (Character.isWhitespace(raw.charAt(0)) || "{[]}\"0123456789.".indexOf(raw.charAt(0)) >= 0);
    }

    private static boolean continues(final String command)
    {
        return command.stripTrailing().endsWith("\\") || openQuote(command) != 0;
    }

    /** The quote still open at the end of {@code text} (0: none). */
    private static char openQuote(final String text)
    {
        char quote = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            quote = quote != 0 ? (c == quote ? 0 : quote) : c == '\'' || c == '"' ? c : 0;
        }
        return quote;
    }

    private static Step request(final int line, final String command, final StringBuilder answer)
    {
        final Matcher status = ANSWER_STATUS.matcher(answer);
        if (status.matches())
        {
            return new Step(line, null, command, Integer.valueOf(status.group(1)), status.group(2));
        }
        return new Step(line, null, command, null, answer.length() == 0 ? null : answer.toString());
    }

    /** {@code text} without its {@code #} comments: each from a {@code #} that starts a word outside quotes to its line's end. */
    static String withoutComment(final String text)
    {
        final StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (quote == 0 && c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1))))
            {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n')
                {
                    i++;
                }
                continue;
            }
            quote = quote != 0 ? (c == quote ? 0 : quote) : c == '\'' || c == '"' ? c : 0;
            out.append(c);
        }
        return out.toString();
    }

    /** What the command substitutions the pages use print: the time in Unix seconds, a body's HMAC-SHA256 in hex; else null. */
    private static String commandOutput(final String command, final Map<String, List<String>> variables)
    {
        if (command.equals("date +%s"))
        {
            return Long.toString(java.time.Instant.now().getEpochSecond());
        }
        final Matcher hmac = HMAC.matcher(command);
        if (!hmac.matches())
        {
            return null;
        }
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmac.group(2).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            final String body = String.join(" ", variables.getOrDefault(hmac.group(1), List.of("")));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final java.security.GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Shell words of {@code text}: single quotes literal, double quotes expanding variables, {@code "${NAME[@]}"} one
     * word per element of the array {@code NAME}. A command substitution {@code $(...)} is refused (null).
     */
    static List<String> words(final String text, final Map<String, List<String>> variables)
    {
        final List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c))
            {
                if (word != null)
                {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (text.startsWith("\"${", i) && text.indexOf("[@]}\"", i) > 0 && quote == 0)
            {
                final int end = text.indexOf("[@]}\"", i);
                words.addAll(variables.getOrDefault(text.substring(i + 3, end), List.of()));
                i = end + 4;
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (quote == '\'')
            {
                quote = c == '\'' ? 0 : quote;
                if (quote != 0)
                {
                    word.append(c);
                }
            }
            else if (c == '\'' && quote == 0 || c == '"')
            {
                quote = quote == c ? 0 : c;
            }
            else if (c == '$')
            {
                if (text.startsWith("$(", i))
                {
                    int end = i + 2;
                    for (int depth = 1; end < text.length() && (depth += text.charAt(end) == '(' ? 1 : text.charAt(end) == ')' ? -1 : 0) > 0;)
                    {
                        end++;
                    }
                    final String output = end >= text.length() ? null : commandOutput(text.substring(i + 2, end), variables);
                    if (output == null)
                    {
                        return null;
                    }
                    word.append(output);
                    i = end;
                    continue;
                }
                final boolean braced = text.startsWith("${", i);
                int end = braced ? text.indexOf('}', i) : i + 1;
                while (!braced && end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'))
                {
                    end++;
                }
                final List<String> value = variables.getOrDefault(text.substring(braced ? i + 2 : i + 1, end), List.of(""));
                word.append(String.join(" ", value));
                i = braced ? end : end - 1;
            }
            else
            {
                word.append(c);
            }
        }
        if (word != null)
        {
            words.add(word.toString());
        }
        return words;
    }
}
