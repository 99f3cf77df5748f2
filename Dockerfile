# The portal as a container: built with the .NET SDK, run on the ASP.NET Core runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CecPortal.Web/CecPortal.Web.csproj src/CecPortal.Web/
RUN dotnet restore src/CecPortal.Web/CecPortal.Web.csproj
COPY src/ src/
RUN dotnet publish src/CecPortal.Web/CecPortal.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "CecPortal.Web.dll"]
