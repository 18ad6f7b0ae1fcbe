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
            if (raw.startsWith("```"))
            {
                if (inside && pending != null)
                {
                    steps.add(request(pendingLine, pending, answer));
                    pending = null;
                }
                inside = raw.equals("```bash");
                continue;
            }
            if (!inside)
            {
                continue;
            }
            final String line = withoutComment(raw).strip();
            if (line.isEmpty())
            {
                continue;
            }
            if (line.startsWith("curl ") || ASSIGNMENT.matcher(line).matches())
            {
                if (pending != null)
                {
                    steps.add(request(pendingLine, pending, answer));
                    pending = null;
                }
                final StringBuilder command = new StringBuilder(line);
                final int start = i + 1;
                while (command.charAt(command.length() - 1) == '\\' && i + 1 < lines.length)
                {
                    command.setLength(command.length() - 1);
                    command.append(' ').append(withoutComment(lines[++i]).strip());
                }
                final Matcher assignment = ASSIGNMENT.matcher(command);
                if (!line.startsWith("curl ") && assignment.matches())
                {
                    steps.add(new Step(start, assignment.group(1), assignment.group(2).strip(), null, null));
                }
                else
                {
                    pendingLine = start;
                    pending = command.toString();
                    answer = new StringBuilder();
                }
            }
            else if (pending != null)
            {
                answer.append(answer.length() == 0 ? "" : " ").append(line);
            }
        }
        return steps;
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

    /** The line without a {@code #} comment that starts it or follows a blank outside quotes. */
    static String withoutComment(final String line)
    {
        char quote = 0;
        for (int i = 0; i < line.length(); i++)
        {
            final char c = line.charAt(i);
            if (quote != 0)
            {
                quote = c == quote ? 0 : quote;
            }
            else if (c == '\'' || c == '"')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1))))
            {
                return line.substring(0, i);
            }
        }
        return line;
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
