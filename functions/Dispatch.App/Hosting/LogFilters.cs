using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.App.Hosting;

public static class LogFilters
{
    /// <summary>ASP.NET Core's request lines ("Request starting GET …?t=…") carry the whole query string, and a
    /// link carries its token there. Added after the configuration's rules, so it wins over a general
    /// "Microsoft.AspNetCore": "Information"; only a rule for this exact category and one provider can undo it.</summary>
    public const string RequestLines = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IServiceCollection AddNoRequestLineLogs(this IServiceCollection services) =>
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(null, RequestLines, LogLevel.Warning, null)));
}
