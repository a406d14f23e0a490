package com.ecommerce.analytics.platform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.AnswersAgainstTheDocument;
import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Directories;
import com.ecommerce.analytics.testing.PackagedServer;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The application in an Open Liberty of the operator's own, as README's "The WAR in an Open Liberty of your own" says:
 * on the embedded database, the usr zip `mvn package` builds, unzipped into a Liberty's usr directory and started with
 * {@code bin/server run}; on MySQL/MariaDB, a server of the operator's own writing: README's server.xml (its port
 * changed), the WAR and the JDBC driver, and no jvm.options, in a JVM whose zone is not UTC, beside the server the
 * build started and on its database.
 */
class OwnLibertyServerIT {

    private static final int PORT = Integer.getInteger("it.own.liberty.http.port", 9182);
    private static final boolean SHARED_DATABASE = "mysql".equals(System.getProperty("it.database.engine"));
    private static final Path HOME = Path.of(System.getProperty("it.own.liberty.home", "target/own-liberty-it"));
    private static final Path WLP = Path.of(System.getProperty("it.liberty.wlp", "target/liberty/wlp"));
    private static final Path USR_ZIP = Path.of(System.getProperty("it.usr.zip", "target/ecommerce-analytics-usr.zip"));
    private static final String SERVER = "ecommerce-analytics";
    private static final String OWN_SERVER = "own";
    /** A zone far from UTC, so that a time read or written in the JVM's zone shows. */
    private static final String JVM_ZONE = "America/New_York";

    private static PackagedServer server;
    private static Client client;

    @BeforeAll
    static void startIt() throws IOException {
        Directories.deleteTree(HOME);
        Path usr = HOME.resolve("wlp/usr");
        unzip(USR_ZIP, HOME);
        Map<String, String> environment = new LinkedHashMap<>(PackagedServer.settingsOfTheTestServer());
        String name = SERVER;
        if (SHARED_DATABASE) {
            name = OWN_SERVER;
            serverOfOurOwn(usr.resolve("servers").resolve(SERVER), usr.resolve("servers").resolve(OWN_SERVER));
            environment.put("KEYSTORE_PASSWORD", "own-liberty-it");
            environment.put("TZ", JVM_ZONE);
        }
        server = PackagedServer.startInLiberty(WLP, usr, name, PORT, HOME, environment);
        client = ClientBuilder.newBuilder().register(AnswersAgainstTheDocument.class).build();
    }

    @AfterAll
    static void stopIt() {
        if (server != null) {
            server.closeAndCheckClean();
        }
        if (client != null) {
            client.close();
        }
    }

    @Test
    void theApplicationServesItsApiDocumentAndDashboardFromTheOperatorsLiberty() {
        try (Response ready = get("health/ready", null)) {
            assertEquals(200, ready.getStatus());
        }
        try (Response document = client.target(server.baseUrl() + "/openapi").queryParam("format", "JSON").request()
                .get()) {
            assertEquals(200, document.getStatus());
            assertTrue(object(document).getJsonObject("paths").containsKey("/api/orders"));
        }
        try (Response dashboard = client.target(server.baseUrl() + "/dashboard/").request().get()) {
            assertEquals(200, dashboard.getStatus());
        }
        try (Response store = get("api/store/", login())) {
            assertEquals(200, store.getStatus());
            assertEquals(System.getProperty("it.store.timezone", "UTC"), object(store).getString("time_zone"));
        }
    }

    @Test
    void anOrderDatedThroughAServerInAnotherZoneKeepsItsInstantOnEveryInstance() {
        assumeTrue(SHARED_DATABASE, "the server of the operator's own writing runs on MySQL/MariaDB");
        long product = Store.product("10.00", 5);
        long customer = Store.customer("US");
        String placed;
        try (Response answer = client.target(server.baseUrl() + "/api/orders/").request(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + login())
                .post(Entity.json("{\"customer\":" + customer + ",\"order_date\":\"2025-01-15T10:00:00Z\","
                        + "\"items\":[{\"product\":" + product + ",\"quantity\":2}]}"))) {
            assertEquals(201, answer.getStatus());
            JsonObject order = object(answer);
            assertEquals("2025-01-15T10:00:00Z", order.getString("order_date"));
            placed = String.valueOf(order.getInt("id"));
        }
        JsonObject onTheFirst = Api.getObject("api/orders/" + placed + "/", Api.admin());
        assertEquals("2025-01-15T10:00:00Z", onTheFirst.getString("order_date"),
                "stored as the instant sent, not as New York's wall clock");
        try (Response readBack = get("api/orders/" + placed + "/", login())) {
            assertEquals("2025-01-15T10:00:00Z", object(readBack).getString("order_date"), "read back as stored");
        }
        assertEquals(3, Store.stockOf(product));
    }

    /** README's server.xml, the WAR and the JDBC drivers, as an operator would lay out a server of their own. */
    private static void serverOfOurOwn(Path packaged, Path own) throws IOException {
        Files.createDirectories(own.resolve("apps"));
        Files.createDirectories(own.resolve("lib/jdbc"));
        Files.copy(packaged.resolve("apps").resolve(SERVER + ".war"), own.resolve("apps").resolve(SERVER + ".war"));
        try (Stream<Path> drivers = Files.list(packaged.resolve("lib/jdbc"))) {
            for (Path driver : drivers.toList()) {
                Files.copy(driver, own.resolve("lib/jdbc").resolve(driver.getFileName()));
            }
        }
        String serverXml = readmeServerXml();
        assertTrue(serverXml.contains("httpPort=\"9080\""), "README's server.xml listens on 9080");
        Files.writeString(own.resolve("server.xml"), serverXml.replace("httpPort=\"9080\"", "httpPort=\"" + PORT + "\""),
                StandardCharsets.UTF_8);
    }

    private static String readmeServerXml() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("### The WAR in an Open Liberty of your own");
        assertTrue(section >= 0, "README has the section");
        Matcher xml = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(xml.find(section), "the section shows a server.xml");
        return xml.group(1);
    }

    private static String login() {
        try (Response answer = client.target(server.baseUrl() + "/api/token/").request()
                .post(Entity.json(Api.credentials(Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD)))) {
            assertEquals(200, answer.getStatus(), "admin login");
            return object(answer).getString("access");
        }
    }

    private static Response get(String path, String token) {
        var request = client.target(server.baseUrl() + "/" + path).request(MediaType.APPLICATION_JSON);
        return token == null ? request.get() : request.header("Authorization", "Bearer " + token).get();
    }

    private static JsonObject object(Response response) {
        try (var reader = Json.createReader(new StringReader(response.readEntity(String.class)))) {
            return reader.readObject();
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream file = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(file)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
