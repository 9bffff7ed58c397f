<?php
// php install.php CONFIG_NAME HOST:PORT OUT_JSON
// Installs WordPress into the empty database, switches to pretty links and UTC, and creates one
// user per role (administrator, editor, author, contributor), each with an Application Password.
// Writes the URL and the credentials to OUT_JSON.
[, $config, $host, $out] = $argv;
$_SERVER['WORDPRESS_CONFIG'] = $config;
$_SERVER['HTTP_HOST'] = $host;
[$_SERVER['SERVER_NAME'], $_SERVER['SERVER_PORT']] = array_pad(explode(':', $host, 2), 2, '80');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SCRIPT_NAME'] = '/wp-admin/install.php';
define('WP_INSTALLING', true);

// There is no mail server: WordPress mails the admin on install.
function wp_mail($to, $subject, $message, $headers = '', $attachments = []) { return true; }

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$secret = static fn (): string => wp_generate_password(24, false);
$accounts = [];
$adminPassword = $secret();
$installed = wp_install('Midad integration', 'admin', 'admin@midad.invalid', false, '', $adminPassword, '');
$accounts['admin'] = ['id' => (int) $installed['user_id'], 'password' => $adminPassword];

update_option('timezone_string', 'UTC');
update_option('default_ping_status', 'closed');
update_option('default_pingback_flag', 0);
$GLOBALS['wp_rewrite']->set_permalink_structure('/%postname%/');
flush_rewrite_rules(false);

foreach (['editor', 'author', 'contributor'] as $role) {
    $password = $secret();
    $id = wp_insert_user([
        'user_login' => $role,
        'user_pass' => $password,
        'user_email' => "$role@midad.invalid",
        'display_name' => ucfirst($role),
        'role' => $role,
    ]);
    if (is_wp_error($id)) {
        fwrite(STDERR, "cannot create $role: " . $id->get_error_message() . "\n");
        exit(1);
    }
    $accounts[$role] = ['id' => (int) $id, 'password' => $password];
}

foreach ($accounts as $login => $account) {
    $made = WP_Application_Passwords::create_new_application_password($account['id'], ['name' => 'midad-tests']);
    if (is_wp_error($made)) {
        fwrite(STDERR, "application password for $login: " . $made->get_error_message() . "\n");
        exit(1);
    }
    $accounts[$login]['role'] = get_userdata($account['id'])->roles[0];
    $accounts[$login]['user'] = $login;
    $accounts[$login]['applicationPassword'] = $made[0];
}

file_put_contents($out, json_encode(['url' => home_url(), 'version' => get_bloginfo('version'), 'users' => $accounts],
    JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");
fwrite(STDERR, 'WordPress ' . get_bloginfo('version') . " installed\n");
