namespace Dispatch.Local.Hosting;

/// <summary>Builds the local host; tests pass a hook to swap the clock, storage prefix and loops.</summary>
public static class LocalHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddDispatchLocal();
        var app = builder.Build();
        app.MapDispatchLocal();
        return app;
    }
}
