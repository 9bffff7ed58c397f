<?php
// Front controller for `php -S` (scripts/wordpress.sh): selects Midad's WordPress config, serves
// uploads from the run directory, and sends every other path through WordPress (pretty links,
// /wp-json/...). Settings come from the environment the script starts the server with.
$_SERVER['WORDPRESS_CONFIG'] = getenv('MIDAD_WP_CONFIG');
$docroot = '/usr/share/wordpress';
$content = getenv('MIDAD_WP_CONTENT');
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?: '/');

if (str_contains($path, '..')) {
    http_response_code(400);
    return true;
}

function midad_run_php(string $file, string $scriptName): bool {
    $_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = $scriptName;
    $_SERVER['SCRIPT_FILENAME'] = $file;
    chdir(dirname($file));
    require $file;
    return true;
}

if (str_starts_with($path, '/wp-content/')) {
    foreach ([$content . substr($path, strlen('/wp-content')), $docroot . $path] as $candidate) {
        if (is_file($candidate) && !str_ends_with($candidate, '.php')) {
            header('Content-Type: ' . (mime_content_type($candidate) ?: 'application/octet-stream'));
            header('Content-Length: ' . filesize($candidate));
            readfile($candidate);
            return true;
        }
    }
    http_response_code(404);
    return true;
}

$file = $docroot . $path;
if (is_dir($file)) {
    if (!str_ends_with($path, '/')) {
        header('Location: ' . $path . '/', true, 301);
        return true;
    }
    $path .= 'index.php';
    $file .= 'index.php';
}
if (is_file($file)) {
    return str_ends_with($file, '.php') ? midad_run_php($file, $path) : false;
}
return midad_run_php($docroot . '/index.php', '/index.php');
