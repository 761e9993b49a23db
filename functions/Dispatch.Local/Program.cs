using Dispatch.Local.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDispatchLocal();

var app = builder.Build();
app.MapDispatchLocal();
app.Run();

/// <summary>The local host's entry point, visible to tests.</summary>
public partial class Program;
