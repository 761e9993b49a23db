using System.Text.Json.Nodes;

namespace Dispatch.Testing;

/// <summary>A seeded generator of hostile request parts for both hosts' suites: ids and text with path
/// traversal, control characters, bidirectional overrides, emoji and 5,000 characters; negative, zero and
/// huge numbers; comma-joined and numeric enum names; wrong JSON types; empty, missing and broken bodies;
/// bad tokens. The seed is printed by a failing test, so a failure can be replayed.</summary>
public sealed class HostileInput(int seed)
{
    private readonly Random _random = new(seed);

    public int Seed => seed;

    /// <summary>Fields the hosts read from bodies (order form, reasons, ratings, hours, posts, shifts, proofs).</summary>
    public static readonly string[] BodyFields =
    [
        "kind", "category", "communityId", "gridId", "buildingId", "householdId", "urgent", "wantedAt", "name", "phone",
        "address", "description", "reason", "rating", "hours", "memberId", "titleZh", "capacity", "startsOn", "endsOn",
        "year", "date",
    ];

    /// <summary>Query parameters the hosts read.</summary>
    public static readonly string[] QueryNames = ["year", "status", "level", "lang", "o", "t", "n"];

    private static readonly string[] Strings =
    [
        "../x", "..", ".", "..%2Fx", "a/b", "a\\b", "a#b", "a?b", "a|b", "a,b", "hubin\u0000", "\u0001\u0007\u001b", "m001\n",
        "\u202Eevil", "abc\u2066x\u2069", "\u200E\u200F", "😀", "社区😀", "\uD800", "", " ", "null", "NaN", "-1", "0",
        "99999999999999999999", "Service,Wish", "Repair, Errand", "1", "3", "Escalated,Open", "=cmd|' /C calc'!A0", "+1+1",
        "@SUM(A1)", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "%2e%2e%2f", "hubin", "g1", "b1", "m001",
        "ZM-2026-0000000000", "o00000000000000000000",
    ];

    private static readonly object[] Numbers =
    [
        -1, 0, -2147483648, 2147483647, long.MaxValue, 1e308, -0.5, 0.25, 12.5, 1000, 6, 13, 501, 1999, 2101, 9999, -2026,
    ];

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public bool Chance(int percent) => _random.Next(100) < percent;

    /// <summary>A hostile string; one in ten is 5,000 characters long.</summary>
    public string String() => _random.Next(10) switch
    {
        0 => new string('x', 5000),
        1 => string.Concat(Enumerable.Repeat("😀", 300)),
        _ => Pick(Strings),
    };

    /// <summary>A value for a route segment: a hostile string or number, as text. No NUL: the web server
    /// itself refuses "%00" in a URL before any application code runs.</summary>
    public string Text() => (Chance(70) ? String() : Convert.ToString(Pick(Numbers), System.Globalization.CultureInfo.InvariantCulture)!).Replace("\u0000", "", StringComparison.Ordinal);

    /// <summary>A query value: as <see cref="Text"/> but at most 200 characters, so one URL stays within
    /// the web server's request-line limit (one long route segment already tests length).</summary>
    public string ShortText()
    {
        var text = Text();
        return text.Length <= 200 ? text : text[..200];
    }

    /// <summary>A JSON value of any type: strings, numbers, booleans, null, arrays, objects.</summary>
    public JsonNode? Value() => _random.Next(8) switch
    {
        0 or 1 or 2 => JsonValue.Create(String()),
        3 or 4 => JsonNode.Parse(Convert.ToString(Pick(Numbers), System.Globalization.CultureInfo.InvariantCulture)!),
        5 => JsonValue.Create(Chance(50)),
        6 => null,
        _ => Chance(50) ? new JsonArray(JsonValue.Create(String()), JsonValue.Create(1)) : new JsonObject { ["x"] = String() },
    };

    /// <summary>A request body: missing (null), raw broken text, or a JSON object of hostile fields.</summary>
    public string? Body() => _random.Next(10) switch
    {
        0 => null,
        1 => Pick(["", "{", "null", "[]", "\"x\"", "42", "{\"kind\":", "\u0000", new string('[', 2000)]),
        _ => Object().ToJsonString(),
    };

    public JsonObject Object()
    {
        var body = new JsonObject();
        foreach (var field in BodyFields.Where(_ => Chance(40)))
        {
            body[field] = Value();
        }

        return body;
    }

    /// <summary>A token that must not work: missing, garbage, truncated or re-spelled.</summary>
    public string? BadToken(string? valid) => _random.Next(5) switch
    {
        0 => null,
        1 => String(),
        2 when valid is not null => valid[..(valid.Length / 2)],
        3 when valid is not null => valid + "x",
        _ => "v1.abc.def",
    };
}
