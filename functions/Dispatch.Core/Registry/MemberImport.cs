using System.Collections.Immutable;
using Dispatch.Core.Api;
using Dispatch.Core.Members;

namespace Dispatch.Core.Registry;

/// <summary>One problem of an import file: the row as people count it (the header is row 1), the column by its
/// Chinese header, and the reason in Chinese.</summary>
public sealed record ImportError(int Row, string Column, string Reason);

/// <summary>A checked import file: the members it would add, keyed by phone, and an error per bad row.</summary>
public sealed record ImportPlan(ImmutableArray<(int Row, MemberDetails Details)> Rows, ImmutableArray<ImportError> Errors)
{
    /// <summary>The rows whose optional 状态 column says 停用: they are added deactivated (an exported registry keeps who
    /// was deactivated).</summary>
    public ImmutableHashSet<int> Deactivated { get; init; } = [];

    /// <summary>The member a valid row adds.</summary>
    public Member MemberOf((int Row, MemberDetails Details) row, string memberId) =>
        row.Details.ToMember(memberId) with { Active = !Deactivated.Contains(row.Row) };
}

/// <summary>Reads the member list organizers keep (CSV, UTF-8, with the columns 姓名, 手机号, 网格, 楼栋, 服务类别,
/// 可服务时间) into members, with the same rules as one added by hand (<see cref="MemberForm"/>). A phone twice
/// in the file is an error on its second row; importing is keyed by phone, so the same file twice adds nothing.</summary>
public static class MemberImport
{
    public const int MaxRows = 20_000;

    public static readonly ImmutableArray<string> Columns = ["姓名", "手机号", "网格", "楼栋", "服务类别", "可服务时间"];

    /// <summary>An optional seventh column: 在岗 (or empty) for an active member, 停用 for a deactivated one. The export
    /// writes it, so a registry moved between communities or restored keeps who was deactivated.</summary>
    public const string StatusColumn = "状态";

    public const string Active = "在岗";

    public const string Deactivated = "停用";

    /// <summary>Category names as residents and organizers write them, beside the enum names.</summary>
    public static readonly ImmutableDictionary<string, ServiceCategory> CategoryNames = new Dictionary<string, ServiceCategory>
    {
        ["助老服务"] = ServiceCategory.ElderCare,
        ["小修小补"] = ServiceCategory.Repair,
        ["跑腿代办"] = ServiceCategory.Errand,
        ["课业辅导"] = ServiceCategory.Tutoring,
        ["法律政策咨询"] = ServiceCategory.Legal,
        ["健康检查"] = ServiceCategory.Health,
        ["走访探望"] = ServiceCategory.Visit,
        ["其他"] = ServiceCategory.Other,
    }.ToImmutableDictionary();

    private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', '/', ' '];

    internal static readonly ImmutableDictionary<string, DayOfWeek> Days = new Dictionary<string, DayOfWeek>
    {
        ["周一"] = DayOfWeek.Monday, ["周二"] = DayOfWeek.Tuesday, ["周三"] = DayOfWeek.Wednesday, ["周四"] = DayOfWeek.Thursday,
        ["周五"] = DayOfWeek.Friday, ["周六"] = DayOfWeek.Saturday, ["周日"] = DayOfWeek.Sunday, ["周天"] = DayOfWeek.Sunday,
    }.ToImmutableDictionary();

    private static readonly ImmutableArray<SlotRequest> Evenings =
        [.. new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(d => new SlotRequest(d, 18, 21))];

    private static readonly ImmutableArray<SlotRequest> Weekends = [new("Saturday", 8, 20), new("Sunday", 8, 20)];

    /// <exception cref="ApiProblemException">Validation on "file" when the header is not the expected one or the file is too long.</exception>
    public static ImportPlan Read(string csv, ImportDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return Read(Csv.Rows(csv.TrimStart('\uFEFF')), directory);
    }

    /// <summary>The same rules over a sheet already split into cells (a CSV file, or an XLSX workbook's first sheet),
    /// the header first.</summary>
    /// <exception cref="ApiProblemException">Validation on "file" when the header is not the expected one or the file is too long.</exception>
    public static ImportPlan Read(IReadOnlyList<IReadOnlyList<string>> lines, ImportDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(directory);
        var header = lines.Count == 0 ? [] : lines[0].Select(c => c.Trim()).ToList();
        var withStatus = header.Count == Columns.Length + 1 && header[^1] == StatusColumn;
        if (lines.Count == 0 || !Columns.SequenceEqual(withStatus ? header.Take(Columns.Length) : header))
        {
            throw FileProblem($"第 1 行应为表头：{string.Join("，", Columns)}。 The first row must be the header: {string.Join(", ", Columns)}.");
        }

        if (lines.Count - 1 > MaxRows)
        {
            throw FileProblem($"一次最多导入 {MaxRows} 行。 At most {MaxRows} rows per file.");
        }

        var width = withStatus ? Columns.Length + 1 : Columns.Length;
        var deactivated = ImmutableHashSet.CreateBuilder<int>();
        var rows = ImmutableArray.CreateBuilder<(int, MemberDetails)>();
        var errors = ImmutableArray.CreateBuilder<ImportError>();
        var phones = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Count; i++)
        {
            var row = i + 1;
            var cells = lines[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (cells.Count != width)
            {
                errors.Add(new ImportError(row, "", $"应有 {width} 列，实有 {cells.Count} 列。"));
                continue;
            }

            var rowErrors = new List<ImportError>();
            switch (withStatus ? cells[^1].Trim() : "")
            {
                case "" or Active:
                    break;
                case Deactivated:
                    deactivated.Add(row);
                    break;
                default:
                    rowErrors.Add(new ImportError(row, StatusColumn, $"状态应为“{Active}”或“{Deactivated}”。"));
                    break;
            }

            var request = ToRequest(cells, directory, row, rowErrors);
            try
            {
                var details = MemberForm.Validate(request, directory.Places);
                if (phones.TryGetValue(details.Phone, out var first))
                {
                    rowErrors.Add(new ImportError(row, "手机号", $"与第 {first} 行手机号重复。"));
                }
                else if (rowErrors.Count == 0)
                {
                    phones[details.Phone] = row;
                    rows.Add((row, details));
                }
            }
            catch (ApiProblemException e) when (e.Problem.Errors is { } fieldErrors)
            {
                foreach (var (field, messages) in fieldErrors)
                {
                    // A column already explained by the import's own reading keeps that reason.
                    var column = ColumnOf(field);
                    if (!rowErrors.Any(r => r.Column == column))
                    {
                        rowErrors.Add(new ImportError(row, column, Chinese(messages[0])));
                    }
                }
            }

            errors.AddRange(rowErrors.OrderBy(e => Columns.IndexOf(e.Column)));
        }

        return new ImportPlan(rows.ToImmutable(), errors.ToImmutable()) { Deactivated = deactivated.ToImmutable() };
    }

    private static MemberRequest ToRequest(IReadOnlyList<string> cells, ImportDirectory directory, int row, List<ImportError> errors)
    {
        var gridText = cells[2].Trim();
        var gridId = directory.GridId(gridText);
        if (gridId is null)
        {
            errors.Add(new ImportError(row, "网格", $"本社区没有网格“{gridText}”。"));
        }

        var buildingText = cells[3].Trim();
        var buildingId = gridId is null ? null : directory.BuildingId(gridId, buildingText);
        if (gridId is not null && buildingId is null)
        {
            errors.Add(new ImportError(row, "楼栋", $"网格“{gridText}”没有楼栋“{buildingText}”。"));
        }

        var skills = new List<string?>();
        foreach (var word in cells[4].Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (CategoryNames.TryGetValue(word, out var category))
            {
                skills.Add(category.ToString());
            }
            else if (Enum.GetNames<ServiceCategory>().Contains(word, StringComparer.Ordinal))
            {
                skills.Add(word);
            }
            else
            {
                errors.Add(new ImportError(row, "服务类别", $"“{word}”不在服务菜单中（{string.Join("、", CategoryNames.Keys.Order(StringComparer.Ordinal))}）。"));
                break;
            }
        }

        var slots = Slots(cells[5].Trim(), row, errors);
        return new MemberRequest(cells[0], cells[1], gridId ?? "", buildingId ?? "", skills, slots);
    }

    /// <summary>"任何时间" or empty; "工作日晚上" (Mon–Fri 18–21), "周末白天" / "周末" (Sat–Sun 8–20); or days with
    /// hours such as "周一18-21、周六8-12".</summary>
    private static IReadOnlyList<SlotRequest?> Slots(string text, int row, List<ImportError> errors)
    {
        var slots = new List<SlotRequest?>();
        foreach (var part in text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part)
            {
                case "任何时间" or "随时":
                    break;
                case "工作日晚上":
                    slots.AddRange(Evenings);
                    break;
                case "周末白天" or "周末":
                    slots.AddRange(Weekends);
                    break;
                default:
                    if (part.Length > 2 && Days.TryGetValue(part[..2], out var day) && part[2..].Replace("点", "", StringComparison.Ordinal).Split('-', '–', '~') is [var from, var to]
                        && int.TryParse(from, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var f)
                        && int.TryParse(to, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t))
                    {
                        slots.Add(new SlotRequest(day.ToString(), f, t));
                    }
                    else
                    {
                        errors.Add(new ImportError(row, "可服务时间", $"看不懂“{part}”：可写 任何时间、工作日晚上、周末白天，或 周一18-21。"));
                        return [];
                    }

                    break;
            }
        }

        return slots;
    }

    private static string ColumnOf(string field) => field switch
    {
        "name" => "姓名",
        "phone" => "手机号",
        "gridId" => "网格",
        "buildingId" => "楼栋",
        "skills" => "服务类别",
        _ => "可服务时间",
    };

    /// <summary>The Chinese half of a "中文。 English." message.</summary>
    private static string Chinese(string message)
    {
        var cut = message.IndexOf("。 ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..(cut + 1)];
    }

    private static ApiProblemException FileProblem(string message) =>
        new(ApiProblem.Validation(new Dictionary<string, string[]> { ["file"] = [message] }));
}
