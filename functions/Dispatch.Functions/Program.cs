using Dispatch.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// The worker sends its own telemetry and logs to Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING,
// with Entra ID through APPLICATIONINSIGHTS_AUTHENTICATION_STRING); without the setting nothing is sent.
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The SDK's default rule sends only warnings from the worker; the information logs (offers, escalations,
// schedules) carry ids only and are what an operator follows, so they go too.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var warningsOnly = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (warningsOnly is not null)
    {
        options.Rules.Remove(warningsOnly);
    }
});

builder.AddDispatchFunctions();
builder.Build().Run();
