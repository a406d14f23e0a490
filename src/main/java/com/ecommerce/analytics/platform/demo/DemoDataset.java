package com.ecommerce.analytics.platform.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.ecommerce.analytics.orders.entity.OrderStatus;

/**
 * A deterministic, realistic store history for the embedded demo: a seeded random source shapes
 * per-country taste, a long tail of product popularity, seasonal months (November and December peak),
 * growth, loyal repeat buyers and products often bought together, so analytics and recommendations
 * have something to find.
 */
public final class DemoDataset {

    public record CategorySeed(String name, String description) {
    }

    public record ProductSeed(String sku, String name, String description, BigDecimal price, int category,
                              boolean active, int[] tags, int stock, int restockedDaysAgo) {
    }

    public record CustomerSeed(String name, String email, String country, Instant registeredAt) {
    }

    public record ItemSeed(int product, int quantity, BigDecimal unitPrice) {
    }

    /** One unit of an order's first line given back a few days after the order. */
    public record RefundSeed(int order, Instant refundDate, String reason) {
    }

    public record OrderSeed(int customer, Instant orderDate, OrderStatus status, List<ItemSeed> items) {
        public BigDecimal total() {
            return items.stream().map(i -> i.unitPrice().multiply(BigDecimal.valueOf(i.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public static final int DEMO_PRODUCTS_PER_CATEGORY = 50;
    public static final int MONTHS = 24;

    static final String[][] CATEGORIES = {
            {"Electronics", "Phones, audio, computing and accessories"},
            {"Home & Kitchen", "Cookware, furniture and home comfort"},
            {"Books", "Fiction, non-fiction and textbooks"},
            {"Clothing", "Apparel and footwear for every season"},
            {"Sports & Outdoors", "Fitness, cycling, camping and hiking gear"},
            {"Beauty", "Skin care, fragrance and grooming"}};
    static final String[] TAGS = {"bestseller", "new", "eco", "premium", "sale", "gift"};
    private static final String[][] NOUNS = {
            {"Headphones", "Smartphone", "Laptop", "Tablet", "Speaker", "Charger", "Smartwatch", "Camera", "Monitor", "Keyboard"},
            {"Blender", "Frying Pan", "Coffee Maker", "Desk Lamp", "Knife Set", "Throw Blanket", "Kettle", "Toaster", "Pillow", "Vase"},
            {"Novel", "Cookbook", "Biography", "Atlas", "Thriller", "Poetry Collection", "Textbook", "Travel Guide", "Comic", "Essay Collection"},
            {"T-Shirt", "Jeans", "Jacket", "Sneakers", "Dress", "Sweater", "Scarf", "Boots", "Hoodie", "Cap"},
            {"Yoga Mat", "Tent", "Bike Helmet", "Running Shoes", "Dumbbell Set", "Backpack", "Water Bottle", "Sleeping Bag", "Tennis Racket", "Jump Rope"},
            {"Face Cream", "Shampoo", "Perfume", "Lipstick", "Beard Oil", "Sunscreen", "Body Lotion", "Hair Dryer", "Nail Polish", "Face Mask"}};
    private static final String[] ADJECTIVES = {"Classic", "Pro", "Eco", "Deluxe", "Compact"};
    private static final double[][] PRICE_RANGES = {{19, 1499}, {9, 399}, {6, 59}, {9, 249}, {7, 499}, {5, 129}};
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "CA", "IN", "AU", "JP", "ES", "IT"};
    private static final double[] COUNTRY_SHARES = {30, 15, 12, 10, 8, 7, 6, 5, 4, 3};
    private static final String[] FIRST_NAMES = {"James", "Mary", "Oliver", "Emma", "Lukas", "Sophie", "Hugo", "Chloe",
            "Liam", "Aria", "Arjun", "Priya", "Jack", "Isla", "Haruto", "Yui", "Mateo", "Lucia", "Leonardo", "Giulia",
            "Noah", "Mia", "Ethan", "Ava", "Felix", "Hannah", "Louis", "Lea", "William", "Zoe"};
    private static final String[] LAST_NAMES = {"Smith", "Johnson", "Brown", "Taylor", "Muller", "Schmidt", "Martin",
            "Bernard", "Wilson", "Tremblay", "Sharma", "Patel", "Jones", "Williams", "Sato", "Suzuki", "Garcia", "Lopez",
            "Rossi", "Russo", "Davies", "Evans", "Fischer", "Weber", "Dubois", "Moreau", "Roy", "Singh", "Kim", "Clark"};
    /** Relative order volume per calendar month, January first: a holiday peak and a summer dip. */
    private static final double[] SEASON = {0.8, 0.75, 0.9, 0.95, 1.0, 0.9, 0.85, 0.9, 1.0, 1.1, 1.6, 1.9};

    private final Random random;
    private final int productsPerCategory;
    private final Instant now;
    private final List<CategorySeed> categories = new ArrayList<>();
    private final List<ProductSeed> products = new ArrayList<>();
    private final List<CustomerSeed> customers = new ArrayList<>();
    private final List<OrderSeed> orders = new ArrayList<>();
    private final List<RefundSeed> refunds = new ArrayList<>();

    private DemoDataset(long seed, Instant now, int productsPerCategory) {
        this.random = new Random(seed);
        this.now = now;
        this.productsPerCategory = productsPerCategory;
    }

    public static DemoDataset generate(long seed, Instant now, int customerCount, int orderCount) {
        return generate(seed, now, DEMO_PRODUCTS_PER_CATEGORY, customerCount, orderCount);
    }

    /** A store of any size: the benchmark's has 10,000 products, 100,000 customers and a million orders. */
    public static DemoDataset generate(long seed, Instant now, int productsPerCategory, int customerCount, int orderCount) {
        DemoDataset data = new DemoDataset(seed, now, productsPerCategory);
        data.createCatalog();
        data.createCustomersAndOrders(customerCount, orderCount);
        return data;
    }

    public List<CategorySeed> categories() {
        return categories;
    }

    public List<String> tags() {
        return List.of(TAGS);
    }

    public List<ProductSeed> products() {
        return products;
    }

    public List<CustomerSeed> customers() {
        return customers;
    }

    public List<OrderSeed> orders() {
        return orders;
    }

    public List<RefundSeed> refunds() {
        return refunds;
    }

    private void createCatalog() {
        for (String[] category : CATEGORIES) {
            categories.add(new CategorySeed(category[0], category[1]));
        }
        for (int c = 0; c < CATEGORIES.length; c++) {
            for (int p = 0; p < productsPerCategory; p++) {
                int series = p / (ADJECTIVES.length * NOUNS[c].length);
                String name = ADJECTIVES[(p / NOUNS[c].length) % ADJECTIVES.length] + " " + NOUNS[c][p % NOUNS[c].length]
                        + (series == 0 ? "" : " " + (series + 1));
                String sku = CATEGORIES[c][0].substring(0, 3).toUpperCase() + "-" + String.format("%d%04d", c + 1, p + 1);
                double low = PRICE_RANGES[c][0];
                double high = PRICE_RANGES[c][1];
                double price = low * Math.pow(high / low, random.nextDouble());
                int[] tags = random.ints(1 + random.nextInt(2), 0, TAGS.length).distinct().toArray();
                int stock = random.nextDouble() < 0.1 ? random.nextInt(11) : 20 + random.nextInt(480);
                products.add(new ProductSeed(sku, name, name + " from our " + CATEGORIES[c][0] + " range.",
                        BigDecimal.valueOf(price).setScale(0, RoundingMode.HALF_UP).subtract(new BigDecimal("0.01")),
                        c, random.nextDouble() >= 0.04, tags, stock, random.nextInt(60)));
            }
        }
    }

    private void createCustomersAndOrders(int customerCount, int orderCount) {
        Instant start = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).minusMonths(MONTHS).toInstant();
        double[] customerWeights = new double[customerCount];
        int[] favouriteCategory = new int[customerCount];
        Instant[] firstOrder = new Instant[customerCount];
        for (int i = 0; i < customerCount; i++) {
            String country = COUNTRIES[pick(cumulative(COUNTRY_SHARES))];
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            Instant registered = start.minus(Duration.ofDays(180)).plusSeconds(
                    (long) (random.nextDouble() * Duration.between(start.minus(Duration.ofDays(180)), now).getSeconds()));
            customers.add(new CustomerSeed(first + " " + last,
                    (first + "." + last + "." + (i + 1) + "@example.com").toLowerCase(), country, registered));
            customerWeights[i] = 1 / Math.pow(1 - random.nextDouble() * 0.995, 0.9);
            favouriteCategory[i] = random.nextInt(CATEGORIES.length);
        }
        double[][][] taste = productWeightsByCountryAndCategory();
        double[] customerCumulative = cumulative(customerWeights);
        int[] companion = companions();
        List<Instant> dates = orderDates(start, orderCount);
        for (Instant date : dates) {
            int customer = pick(customerCumulative);
            if (firstOrder[customer] == null) {
                firstOrder[customer] = date;
            }
            int country = Arrays.asList(COUNTRIES).indexOf(customers.get(customer).country());
            orders.add(new OrderSeed(customer, date, status(date),
                    items(taste[country], favouriteCategory[customer], companion)));
        }
        createRefunds();
        for (int i = 0; i < customerCount; i++) {
            CustomerSeed c = customers.get(i);
            if (firstOrder[i] != null && c.registeredAt().isAfter(firstOrder[i])) {
                customers.set(i, new CustomerSeed(c.name(), c.email(), c.country(),
                        firstOrder[i].minus(Duration.ofHours(1 + random.nextInt(24 * 30)))));
            }
        }
    }

    private static final String[] REFUND_REASONS = {"damaged in transit", "wrong size", "changed mind", "defective"};

    /** About 3% of the orders that reached the customer have a unit refunded 2 to 20 days later. */
    private void createRefunds() {
        for (int o = 0; o < orders.size(); o++) {
            OrderSeed order = orders.get(o);
            if (order.status() != OrderStatus.CANCELED && order.status() != OrderStatus.PENDING
                    && random.nextDouble() < 0.03) {
                Instant date = order.orderDate().plus(Duration.ofDays(2 + random.nextInt(19)));
                if (date.isBefore(now)) {
                    refunds.add(new RefundSeed(o, date, REFUND_REASONS[random.nextInt(REFUND_REASONS.length)]));
                }
            }
        }
    }

    private List<ItemSeed> items(double[][] taste, int favouriteCategory, int[] companion) {
        List<ItemSeed> items = new ArrayList<>();
        int lines = 1 + random.nextInt(4) + (random.nextDouble() < 0.25 ? 1 : 0);
        while (items.size() < lines) {
            int category = random.nextDouble() < 0.6 ? favouriteCategory : random.nextInt(CATEGORIES.length);
            int product = category * productsPerCategory + pick(taste[category]);
            addItem(items, product);
            if (random.nextDouble() < 0.3) {
                addItem(items, companion[product]);
            }
        }
        return items;
    }

    private void addItem(List<ItemSeed> items, int product) {
        ProductSeed seed = products.get(product);
        if (!seed.active() || items.stream().anyMatch(i -> i.product() == product)) {
            return;
        }
        int quantity = random.nextDouble() < 0.8 ? 1 : 2 + random.nextInt(2);
        items.add(new ItemSeed(product, quantity, seed.price()));
    }

    /** Popularity falls off as a power law; each country likes a few products of each category more. */
    private double[][][] productWeightsByCountryAndCategory() {
        double[][][] cumulativeWeights = new double[COUNTRIES.length][CATEGORIES.length][];
        for (int country = 0; country < COUNTRIES.length; country++) {
            for (int category = 0; category < CATEGORIES.length; category++) {
                double[] weights = new double[productsPerCategory];
                for (int p = 0; p < productsPerCategory; p++) {
                    weights[p] = 1.0 / Math.pow(1 + ((p * 7 + category * 3) % productsPerCategory), 0.9);
                }
                for (int boost = 0; boost < 5; boost++) {
                    weights[random.nextInt(productsPerCategory)] *= 4;
                }
                cumulativeWeights[country][category] = cumulative(weights);
            }
        }
        return cumulativeWeights;
    }

    /** Each product has one companion in its category that is often bought with it. */
    private int[] companions() {
        int[] companion = new int[products.size()];
        for (int p = 0; p < companion.length; p++) {
            int category = p / productsPerCategory;
            int other = random.nextInt(productsPerCategory - 1);
            int offset = other >= p % productsPerCategory ? other + 1 : other;
            companion[p] = category * productsPerCategory + offset;
        }
        return companion;
    }

    private List<Instant> orderDates(Instant start, int orderCount) {
        long days = Duration.between(start, now).toDays();
        double[] dayWeights = new double[(int) days];
        for (int d = 0; d < days; d++) {
            ZonedDateTime day = ZonedDateTime.ofInstant(start.plus(Duration.ofDays(d)), ZoneOffset.UTC);
            double growth = 1 + 0.5 * d / days;
            double weekend = day.getDayOfWeek().getValue() >= 6 ? 1.15 : 1.0;
            dayWeights[d] = SEASON[day.getMonthValue() - 1] * growth * weekend;
        }
        double[] cumulativeDays = cumulative(dayWeights);
        List<Instant> dates = new ArrayList<>(orderCount);
        for (int i = 0; i < orderCount; i++) {
            Instant day = start.plus(Duration.ofDays(pick(cumulativeDays)));
            Instant date = day.plusSeconds(random.nextInt(86_400));
            dates.add(date.isAfter(now) ? now.minusSeconds(random.nextInt(3_600)) : date);
        }
        dates.sort(null);
        return dates;
    }

    private OrderStatus status(Instant orderDate) {
        if (random.nextDouble() < 0.05) {
            return OrderStatus.CANCELED;
        }
        long age = Duration.between(orderDate, now).toDays();
        if (age < 3) {
            return OrderStatus.PENDING;
        }
        if (age < 10) {
            return random.nextBoolean() ? OrderStatus.SHIPPED : OrderStatus.DELIVERED;
        }
        return OrderStatus.DELIVERED;
    }

    private static double[] cumulative(double[] weights) {
        double[] sums = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            sums[i] = total;
        }
        return sums;
    }

    private int pick(double[] cumulativeWeights) {
        double target = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        int index = Arrays.binarySearch(cumulativeWeights, target);
        return Math.min(index >= 0 ? index : -index - 1, cumulativeWeights.length - 1);
    }
}
